//! Dates as archives know them.
//!
//! A depicted date is often known only to the year or the month: a negative
//! sleeve says "1991" or "June 1991". [`PartialDate`] keeps exactly the
//! precision it was given and never invents a month or a day. Capture dates
//! from EXIF are full date-times, optionally with a UTC offset; they are kept
//! as ISO 8601 text.

use std::fmt;

/// A calendar date known to the year, the month or the day, optionally with a
/// time of day (as given, with its UTC offset when one was given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// `hh:mm[:ss[.fff]][Z|±hh:mm]`, only when the day is known.
    pub time: Option<String>,
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateError {
    pub value: String,
}

impl PartialDate {
    pub fn year(year: u16) -> Self {
        Self {
            year,
            month: None,
            day: None,
            time: None,
        }
    }

    /// Reads an ISO 8601 date as XMP writes it: `YYYY`, `YYYY-MM`,
    /// `YYYY-MM-DD`, optionally followed by `Thh:mm[:ss[.fff]][TZD]`.
    /// EXIF-style colons in the date part (`1991:06`) are accepted too, since
    /// some writers use them.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let err = || DateError {
            value: text.to_owned(),
        };
        let text = text.trim();
        let (date, time) = match text.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t.trim())),
            None => (text, None),
        };
        let mut parts = date.split(['-', ':']);
        let year = parse_digits(parts.next().ok_or_else(err)?, 4).ok_or_else(err)?;
        let month = parts
            .next()
            .map(|m| {
                parse_digits(m, 2)
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(err)
            })
            .transpose()?;
        let day = parts
            .next()
            .map(|d| {
                parse_digits(d, 2)
                    .filter(|d| (1..=31).contains(d))
                    .ok_or_else(err)
            })
            .transpose()?;
        if parts.next().is_some() || (day.is_some() && month.is_none()) {
            return Err(err());
        }
        if let (Some(m), Some(d)) = (month, day)
            && d > days_in_month(year, m as u8) as u32
        {
            return Err(err());
        }
        let time = match time {
            Some(t) if !t.is_empty() => {
                if day.is_none() || !is_time(t) {
                    return Err(err());
                }
                Some(t.to_owned())
            }
            _ => None,
        };
        Ok(Self {
            year: year as u16,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
            time,
        })
    }

    /// Reads IPTC IIM 2:55 `CCYYMMDD`, where `00` stands for an unknown month
    /// or day (`19910000` is "1991"), with IIM 2:60 `HHMMSS±HHMM` when given.
    pub fn from_iim(date: &str, time: Option<&str>) -> Result<Self, DateError> {
        let err = || DateError {
            value: date.to_owned(),
        };
        let d = date.trim();
        if d.len() != 8 || !d.bytes().all(|b| b.is_ascii_digit()) {
            // Some writers put ISO text into 2:55; accept it if it reads.
            return Self::parse(d);
        }
        let year = d[0..4].parse::<u16>().map_err(|_| err())?;
        let month = d[4..6].parse::<u8>().map_err(|_| err())?;
        let day = d[6..8].parse::<u8>().map_err(|_| err())?;
        if month > 12 || (month == 0 && day != 0) || day > 31 {
            return Err(err());
        }
        let mut date = Self {
            year,
            month: (month != 0).then_some(month),
            day: (day != 0).then_some(day),
            time: None,
        };
        if let Some(m) = date.month
            && let Some(day) = date.day
            && day > days_in_month(year as u32, m)
        {
            return Err(err());
        }
        if date.day.is_some() {
            date.time = time.and_then(iim_time);
        }
        Ok(date)
    }

    /// The first and last day this date could mean, as `YYYY-MM-DD` strings,
    /// for range searches with overlap semantics.
    pub fn bounds(&self) -> (String, String) {
        let (m0, m1) = self.month.map_or((1, 12), |m| (m, m));
        let (d0, d1) = match self.day {
            Some(d) => (d, d),
            None => (1, days_in_month(self.year as u32, m1)),
        };
        (
            format!("{:04}-{:02}-{:02}", self.year, m0, d0),
            format!("{:04}-{:02}-{:02}", self.year, m1, d1),
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        if let Some(t) = &self.time {
            write!(f, "T{t}")?;
        }
        Ok(())
    }
}

/// Turns an EXIF date-time (`2008:05:30 15:56:01`) and an optional EXIF
/// offset (`+02:00`) into ISO 8601 (`2008-05-30T15:56:01+02:00`).
/// Blank or zeroed placeholders that cameras write when the clock was never
/// set (`0000:00:00 00:00:00`, `    :  :     :  :  `) give `None`.
pub fn exif_datetime(value: &str, offset: Option<&str>) -> Option<String> {
    let v = value.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    let b = v.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let all_digits = [0..4, 5..7, 8..10, 11..13, 14..16, 17..19]
        .into_iter()
        .all(digits);
    if !all_digits {
        return None;
    }
    let year: u32 = v[0..4].parse().ok()?;
    let month: u8 = v[5..7].parse().ok()?;
    let day: u8 = v[8..10].parse().ok()?;
    if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let (h, mi, s): (u8, u8, u8) = (
        v[11..13].parse().ok()?,
        v[14..16].parse().ok()?,
        v[17..19].parse().ok()?,
    );
    if h > 24 || mi > 59 || s > 60 {
        return None;
    }
    let mut out = format!("{}-{}-{}T{}", &v[0..4], &v[5..7], &v[8..10], &v[11..19]);
    if let Some(off) = offset.map(str::trim).filter(|o| is_offset(o)) {
        out.push_str(off);
    }
    Some(out)
}

/// The current time in UTC as ISO 8601 (`2026-11-22T22:43:00Z`).
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days since the epoch to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn parse_digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn days_in_month(year: u32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

/// `±hh:mm` as EXIF 2.31 OffsetTime writes it, or `Z`.
fn is_offset(s: &str) -> bool {
    let b = s.as_bytes();
    s == "Z"
        || (b.len() == 6
            && (b[0] == b'+' || b[0] == b'-')
            && b[1..3].iter().all(u8::is_ascii_digit)
            && b[3] == b':'
            && b[4..6].iter().all(u8::is_ascii_digit))
}

/// `hh:mm[:ss[.f+]][Z|±hh:mm]`
fn is_time(s: &str) -> bool {
    let (clock, zone) = match s.find(['Z', '+', '-']) {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    if !zone.is_empty() && !is_offset(zone) {
        return false;
    }
    let mut fields = clock.split(':');
    let two =
        |f: Option<&str>| f.is_some_and(|f| f.len() == 2 && f.bytes().all(|b| b.is_ascii_digit()));
    if !two(fields.next()) || !two(fields.next()) {
        return false;
    }
    match fields.next() {
        None => true,
        Some(sec) => {
            let (whole, frac) = sec.split_once('.').unwrap_or((sec, "0"));
            two(Some(whole))
                && !frac.is_empty()
                && frac.bytes().all(|b| b.is_ascii_digit())
                && fields.next().is_none()
        }
    }
}

/// IIM 2:60 `HHMMSS±HHMM` to `hh:mm:ss±hh:mm`.
fn iim_time(t: &str) -> Option<String> {
    let t = t.trim();
    let b = t.as_bytes();
    if b.len() < 6 || !b[..6].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut out = format!("{}:{}:{}", &t[0..2], &t[2..4], &t[4..6]);
    let zone = &t[6..];
    if zone.len() == 5
        && (zone.starts_with('+') || zone.starts_with('-'))
        && zone[1..].bytes().all(|b| b.is_ascii_digit())
    {
        out.push_str(&format!("{}:{}", &zone[0..3], &zone[3..5]));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(PartialDate::parse("1991").unwrap().to_string(), "1991");
        assert_eq!(
            PartialDate::parse("1991-06").unwrap().to_string(),
            "1991-06"
        );
        assert_eq!(
            PartialDate::parse("1991:06").unwrap().to_string(),
            "1991-06"
        );
        assert_eq!(
            PartialDate::parse("1991-06-21").unwrap().to_string(),
            "1991-06-21"
        );
        assert_eq!(
            PartialDate::parse("1993-01-01T03:11:11.311+01:00")
                .unwrap()
                .to_string(),
            "1993-01-01T03:11:11.311+01:00"
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "",
            "91",
            "1991-13",
            "1991-02-30",
            "1991-06-21T25",
            "June 1991",
            "1991--01",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn iim_zeroes_mean_unknown() {
        assert_eq!(
            PartialDate::from_iim("19910000", None).unwrap().to_string(),
            "1991"
        );
        assert_eq!(
            PartialDate::from_iim("19910600", None).unwrap().to_string(),
            "1991-06"
        );
        assert_eq!(
            PartialDate::from_iim("19920101", Some("021111+0100"))
                .unwrap()
                .to_string(),
            "1992-01-01T02:11:11+01:00"
        );
        assert!(PartialDate::from_iim("19910021", None).is_err());
    }

    #[test]
    fn bounds_cover_the_whole_period() {
        let b = |s: &str| PartialDate::parse(s).unwrap().bounds();
        assert_eq!(b("1991"), ("1991-01-01".into(), "1991-12-31".into()));
        assert_eq!(b("1992-02"), ("1992-02-01".into(), "1992-02-29".into()));
        assert_eq!(b("1991-06-21"), ("1991-06-21".into(), "1991-06-21".into()));
    }

    #[test]
    fn now_is_a_full_utc_timestamp() {
        let now = now_utc();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z'), "{now}");
        assert!(
            PartialDate::parse(now.trim_end_matches('Z')).is_ok(),
            "{now}"
        );
    }

    #[test]
    fn exif_datetimes() {
        assert_eq!(
            exif_datetime("2008:05:30 15:56:01", None).as_deref(),
            Some("2008-05-30T15:56:01")
        );
        assert_eq!(
            exif_datetime("2008:05:30 15:56:01\0", Some("+02:00")).as_deref(),
            Some("2008-05-30T15:56:01+02:00")
        );
        assert_eq!(exif_datetime("    :  :     :  :  ", None), None);
        assert_eq!(exif_datetime("0000:00:00 00:00:00", None), None);
    }
}
