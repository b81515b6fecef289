//! The hybrid logical clock that times the catalogue's operations.
//!
//! A team catalogue's replicas order their operations by a time that never
//! goes backwards, on one machine or across machines: wall-clock
//! milliseconds, with a counter for events the wall clock does not tell
//! apart (Kulkarni et al., "Logical Physical Clocks", 2014). A local event
//! [`tick`]s the clock; a time received from another replica is
//! [`observe`]d, so that whatever happens here next is later than it.
//!
//! This module is pure arithmetic: it reads no clock (the caller passes the
//! wall clock's reading, so tests can make it jump) and holds no state (the
//! catalogue keeps the last time it gave out).

use std::fmt;

/// How far ahead of this computer's clock a received time may be. A
/// replica whose clock is further ahead would drag every later operation's
/// time with it; its time is refused instead.
pub const MAX_DRIFT_MILLIS: u64 = 60 * 60 * 1000;

/// Bits of the packed time that hold the counter.
const COUNTER_BITS: u32 = 16;

/// The latest millisecond the packed time can hold and stay a positive
/// `i64` (some 4,400 years after 1970).
pub const MAX_MILLIS: u64 = (1 << (63 - COUNTER_BITS)) - 1;

/// A time of the hybrid logical clock: wall-clock milliseconds since 1970
/// (UTC), and a counter that orders events within one millisecond. Orders
/// as the pair, and as [`Hlc::packed`] does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    pub millis: u64,
    pub counter: u16,
}

/// Why the clock refused a time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error(
        "a change timed {} is {} ahead of this computer's clock ({}); more than {} ahead is refused: \
         check the date and time of both computers",
        utc(.remote.millis), duration(.remote.millis.saturating_sub(*.now_millis)),
        utc(*.now_millis), duration(MAX_DRIFT_MILLIS)
    )]
    TooFarAhead { remote: Hlc, now_millis: u64 },
    #[error(
        "the clock reads {}, later than the catalogue can record (it keeps times up to {}); \
         check this computer's date and time",
        utc(*.millis), utc(MAX_MILLIS)
    )]
    OutOfRange { millis: u64 },
    #[error("an operation's time ({packed}) is not a time of the catalogue's clock")]
    NotATime { packed: i64 },
}

impl Hlc {
    /// The time as one integer that orders like the pair: milliseconds in
    /// the high bits, the counter in the low 16. This is how the catalogue
    /// stores it.
    pub fn packed(self) -> i64 {
        ((self.millis << COUNTER_BITS) | u64::from(self.counter)) as i64
    }

    /// The time a packed integer holds; a negative one is none.
    pub fn from_packed(packed: i64) -> Result<Hlc, ClockError> {
        let bits = u64::try_from(packed).map_err(|_| ClockError::NotATime { packed })?;
        Ok(Hlc {
            millis: bits >> COUNTER_BITS,
            counter: (bits & u64::from(u16::MAX)) as u16,
        })
    }

    /// The next time after this one: the counter goes up by one, and past
    /// its last value carries into the milliseconds (as adding one to the
    /// packed time does). 65,536 events within one millisecond are far
    /// beyond what people make, but a received time may carry any
    /// counter; carrying puts the clock at most a millisecond ahead of the
    /// wall per 65,536 events, where refusing would stop every edit until
    /// the wall clock caught up, and saturating would give one time twice.
    fn next(self) -> Result<Hlc, ClockError> {
        match self.counter.checked_add(1) {
            Some(counter) => Ok(Hlc { counter, ..self }),
            None => at_millis(self.millis.saturating_add(1)),
        }
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}+{}", utc(self.millis), self.counter)
    }
}

/// The first time of a millisecond, if the clock can hold it.
fn at_millis(millis: u64) -> Result<Hlc, ClockError> {
    if millis > MAX_MILLIS {
        return Err(ClockError::OutOfRange { millis });
    }
    Ok(Hlc { millis, counter: 0 })
}

/// The time of a local event (an operation made here), given the last time
/// this clock gave out or observed, and the wall clock's reading now.
/// Always later than `last`, even when the wall clock has gone back.
pub fn tick(last: Hlc, now_millis: u64) -> Result<Hlc, ClockError> {
    Ok(last.next()?.max(at_millis(now_millis)?))
}

/// The clock's time after receiving `remote` from another replica: later
/// than both `last` and `remote` (the receive rule of the hybrid logical
/// clock). A `remote` more than [`MAX_DRIFT_MILLIS`] ahead of the wall
/// clock is refused.
pub fn observe(last: Hlc, remote: Hlc, now_millis: u64) -> Result<Hlc, ClockError> {
    if remote.millis > now_millis.saturating_add(MAX_DRIFT_MILLIS) {
        return Err(ClockError::TooFarAhead { remote, now_millis });
    }
    Ok(last.next()?.max(remote.next()?).max(at_millis(now_millis)?))
}

/// The wall clock's reading: milliseconds since 1970 (UTC); 0 for a clock
/// set before 1970.
pub fn wall_clock_millis() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// A millisecond as UTC date and time, for messages.
fn utc(millis: u64) -> String {
    i64::try_from(millis)
        .ok()
        .and_then(|m| jiff::Timestamp::from_millisecond(m).ok())
        .map_or_else(|| format!("{millis} ms after 1970"), |t| t.to_string())
}

/// A length of time for messages: "1 h 5 min", "42 s", "1 h 0.001 s".
fn duration(millis: u64) -> String {
    let (hours, minutes, rest) = (millis / 3_600_000, millis / 60_000 % 60, millis % 60_000);
    let mut parts = Vec::new();
    if hours > 0 {
        parts.push(format!("{hours} h"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes} min"));
    }
    if rest > 0 || parts.is_empty() {
        parts.push(match rest % 1000 {
            0 => format!("{} s", rest / 1000),
            ms => format!("{}.{ms:03} s", rest / 1000),
        });
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(millis: u64, counter: u16) -> Hlc {
        Hlc { millis, counter }
    }

    /// xorshift64: the same rounds on every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn the_packed_time_orders_like_the_pair() {
        let times = [
            at(0, 0),
            at(0, 1),
            at(0, u16::MAX),
            at(1, 0),
            at(1_764_511_320_000, 7),
            at(1_764_511_320_001, 0),
            at(MAX_MILLIS, u16::MAX),
        ];
        for pair in times.windows(2) {
            assert!(pair[0] < pair[1]);
            assert!(pair[0].packed() < pair[1].packed(), "{pair:?}");
        }
        for t in times {
            assert!(t.packed() >= 0);
            assert_eq!(Hlc::from_packed(t.packed()), Ok(t));
        }
        assert_eq!(
            Hlc::from_packed(-1),
            Err(ClockError::NotATime { packed: -1 })
        );
    }

    #[test]
    fn a_tick_follows_the_wall_clock_and_counts_when_it_stands_or_goes_back() {
        let t = tick(at(100_000, 3), 200_000).unwrap();
        assert_eq!(t, at(200_000, 0));
        assert_eq!(tick(t, 200_000).unwrap(), at(200_000, 1));
        // The wall clock is set back by a minute: the counter goes on.
        assert_eq!(tick(at(200_000, 1), 140_000).unwrap(), at(200_000, 2));
    }

    #[test]
    fn a_full_counter_carries_into_the_next_millisecond() {
        assert_eq!(tick(at(5000, u16::MAX), 5000).unwrap(), at(5001, 0));
        assert_eq!(
            observe(at(10, 0), at(5000, u16::MAX), 4000).unwrap(),
            at(5001, 0)
        );
        assert_eq!(
            tick(at(MAX_MILLIS, u16::MAX), 0),
            Err(ClockError::OutOfRange {
                millis: MAX_MILLIS + 1
            })
        );
        let absurd = tick(at(0, 0), u64::MAX).unwrap_err();
        assert!(
            absurd
                .to_string()
                .contains("later than the catalogue can record"),
            "{absurd}"
        );
    }

    #[test]
    fn observing_follows_the_standard_receive_rule() {
        // The wall clock is ahead of both: its time, counter 0.
        assert_eq!(observe(at(10, 4), at(20, 9), 30).unwrap(), at(30, 0));
        // The remote time is ahead: its millisecond, its counter and one.
        assert_eq!(observe(at(10, 4), at(20, 9), 15).unwrap(), at(20, 10));
        // The local time is ahead: its millisecond, its counter and one.
        assert_eq!(observe(at(20, 4), at(10, 9), 15).unwrap(), at(20, 5));
        // The same millisecond: the greater counter and one.
        assert_eq!(observe(at(20, 4), at(20, 9), 15).unwrap(), at(20, 10));
        assert_eq!(observe(at(20, 12), at(20, 9), 15).unwrap(), at(20, 13));
    }

    #[test]
    fn a_time_too_far_ahead_is_refused_naming_it() {
        let now = 1_764_511_320_000; // 2025-11-30T14:02:00Z
        let within = at(now + MAX_DRIFT_MILLIS, 0);
        assert!(observe(at(now, 0), within, now).is_ok());
        let beyond = at(now + MAX_DRIFT_MILLIS + 1, 0);
        let err = observe(at(now, 0), beyond, now).unwrap_err();
        assert_eq!(
            err,
            ClockError::TooFarAhead {
                remote: beyond,
                now_millis: now
            }
        );
        let message = err.to_string();
        assert!(message.contains("2025-11-30T15:02:00.001Z"), "{message}");
        assert!(message.contains("is 1 h 0.001 s ahead"), "{message}");
        assert!(message.contains("more than 1 h ahead"), "{message}");
    }

    /// Thousands of rounds of a wall clock that stands, creeps, jumps
    /// forward and is set back, with times arriving from replicas whose
    /// clocks are behind or ahead: every local time is later than the one
    /// before, and every observed time later than both its inputs.
    #[test]
    fn the_clock_never_goes_back_whatever_the_wall_clock_does() {
        for seed in 1..=64u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
            let mut wall: u64 = 1_764_511_320_000;
            let mut last = Hlc::default();
            for round in 0..2_000 {
                wall = match rng.below(6) {
                    0 => wall,
                    1 => wall + rng.below(3),
                    2 => wall + rng.below(86_400_000),
                    3 => wall.saturating_sub(rng.below(86_400_000)),
                    4 => wall.saturating_sub(rng.below(5)),
                    _ => wall + 1,
                };
                let next = if rng.below(4) == 0 {
                    let remote = at(
                        (wall + MAX_DRIFT_MILLIS).saturating_sub(rng.below(2 * MAX_DRIFT_MILLIS)),
                        if rng.below(8) == 0 {
                            u16::MAX
                        } else {
                            rng.below(5) as u16
                        },
                    );
                    let next = observe(last, remote, wall).unwrap();
                    assert!(
                        next > remote,
                        "seed {seed}, round {round}: {next} after {remote}"
                    );
                    next
                } else {
                    tick(last, wall).unwrap()
                };
                assert!(
                    next > last,
                    "seed {seed}, round {round}: {next} after {last}"
                );
                assert!(next.packed() > last.packed());
                assert!(next.millis >= wall, "seed {seed}, round {round}");
                last = next;
            }
        }
    }
}
