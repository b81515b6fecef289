//! A deadline for the server's answer. A server that stops answering in
//! the middle of a query (its process stopped, its machine hung, a lock it
//! waits on for ever) still has its kernel acknowledge every packet, so
//! neither TCP's timeouts nor its keepalives notice, and tokio-postgres has
//! no timeout of its own: a sync would wait for ever.
//!
//! This wraps the connection above TLS, where PostgreSQL's messages are
//! plain (or the connection itself, with no TLS: [`Plain`]), and counts the
//! answers owed: every request that ends in a
//! ReadyForQuery message (the startup, a Sync, a simple Query) owes one.
//! While one is owed, a read fails once nothing at all has come from the
//! server for the deadline. A connection that owes nothing (a window
//! listening for colleagues' pushes) waits as long as it likes.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use postgres::tls::{ChannelBinding, MakeTlsConnect, TlsConnect, TlsStream};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

/// Splits one direction's bytes into PostgreSQL messages: a type byte
/// (none for the startup message) and a length that counts itself.
#[derive(Debug)]
struct Messages {
    /// The next message has no type byte.
    untyped: bool,
    header: [u8; 5],
    have: usize,
    /// Bytes of the current message's body still to come.
    body: u64,
}

impl Messages {
    fn new(untyped_first: bool) -> Messages {
        Messages {
            untyped: untyped_first,
            header: [0; 5],
            have: 0,
            body: 0,
        }
    }

    /// Feeds bytes; calls `started` with each message's type (`None` for
    /// an untyped one) once its header is whole.
    fn feed(&mut self, mut bytes: &[u8], mut started: impl FnMut(Option<u8>)) {
        while !bytes.is_empty() {
            if self.body > 0 {
                let skip = self.body.min(bytes.len() as u64) as usize;
                self.body -= skip as u64;
                bytes = &bytes[skip..];
                continue;
            }
            let size = if self.untyped { 4 } else { 5 };
            let take = (size - self.have).min(bytes.len());
            self.header[self.have..self.have + take].copy_from_slice(&bytes[..take]);
            self.have += take;
            bytes = &bytes[take..];
            if self.have == size {
                let at = size - 4;
                let length = u32::from_be_bytes([
                    self.header[at],
                    self.header[at + 1],
                    self.header[at + 2],
                    self.header[at + 3],
                ]);
                started((!self.untyped).then_some(self.header[0]));
                self.body = u64::from(length).saturating_sub(4);
                self.untyped = false;
                self.have = 0;
            }
        }
    }
}

/// A connection whose reads fail once an owed answer is `limit` late.
pub struct Deadline<S> {
    inner: S,
    limit: Duration,
    sent: Messages,
    received: Messages,
    /// ReadyForQuery messages the server owes.
    owed: u64,
    /// When the server was last heard, or a request sent to a server that
    /// owed nothing.
    heard: Instant,
    /// Set to `heard + limit` only when a read must wait, so that a
    /// connection busy with answers does not move a timer at every read.
    timer: Pin<Box<Sleep>>,
}

impl<S> Deadline<S> {
    fn new(inner: S, limit: Duration) -> Deadline<S> {
        Deadline {
            inner,
            limit,
            sent: Messages::new(true),
            received: Messages::new(false),
            owed: 0,
            heard: Instant::now(),
            timer: Box::pin(tokio::time::sleep(limit)),
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Deadline<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let this = &mut *self;
                let mut ready = 0;
                this.received.feed(&buf.filled()[before..], |kind| {
                    ready += u64::from(kind == Some(b'Z'));
                });
                this.owed = this.owed.saturating_sub(ready);
                if buf.filled().len() > before {
                    this.heard = Instant::now();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending if self.owed > 0 => {
                let due = self.heard + self.limit;
                if self.timer.deadline() != due {
                    self.timer.as_mut().reset(due);
                }
                match self.timer.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        format!("the server did not answer for {} s", self.limit.as_secs()),
                    ))),
                    Poll::Pending => Poll::Pending,
                }
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Deadline<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = written {
            let this = &mut *self;
            let mut requests = 0;
            this.sent.feed(&buf[..n], |kind| {
                // The startup, a Sync, a simple Query and a function call
                // each end in ReadyForQuery.
                requests += u64::from(matches!(kind, None | Some(b'S' | b'Q' | b'F')));
            });
            if requests > 0 {
                if this.owed == 0 {
                    this.heard = Instant::now();
                }
                this.owed += requests;
            }
        }
        written
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

impl<S: TlsStream + Unpin> TlsStream for Deadline<S> {
    fn channel_binding(&self) -> ChannelBinding {
        self.inner.channel_binding()
    }
}

/// A TLS connector whose connections have a [`Deadline`].
pub struct MakeWithDeadline<M> {
    inner: M,
    limit: Duration,
    used: Arc<AtomicBool>,
}

impl<M> MakeWithDeadline<M> {
    pub fn new(inner: M, limit: Duration) -> MakeWithDeadline<M> {
        MakeWithDeadline {
            inner,
            limit,
            used: Arc::default(),
        }
    }

    /// Set once a connection went through the connector: with
    /// `sslmode=prefer` and a server without TLS, tokio-postgres goes on
    /// without it, and so without a deadline.
    pub fn used(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.used)
    }
}

impl<S, M> MakeTlsConnect<S> for MakeWithDeadline<M>
where
    M: MakeTlsConnect<S>,
    M::TlsConnect: Send + 'static,
    <M::TlsConnect as TlsConnect<S>>::Future: Send + 'static,
    M::Stream: 'static,
{
    type Stream = Deadline<M::Stream>;
    type TlsConnect = WithDeadline<M::TlsConnect>;
    type Error = M::Error;

    fn make_tls_connect(&mut self, domain: &str) -> Result<Self::TlsConnect, Self::Error> {
        Ok(WithDeadline {
            inner: self.inner.make_tls_connect(domain)?,
            limit: self.limit,
            used: Arc::clone(&self.used),
        })
    }
}

pub struct WithDeadline<C> {
    inner: C,
    limit: Duration,
    used: Arc<AtomicBool>,
}

/// A connection being made, with its deadline to come.
type Connecting<T, E> = Pin<Box<dyn Future<Output = Result<Deadline<T>, E>> + Send>>;

impl<S, C> TlsConnect<S> for WithDeadline<C>
where
    C: TlsConnect<S>,
    C::Future: Send + 'static,
    C::Stream: 'static,
{
    type Stream = Deadline<C::Stream>;
    type Error = C::Error;
    type Future = Connecting<C::Stream, C::Error>;

    fn connect(self, stream: S) -> Self::Future {
        self.used.store(true, Ordering::Relaxed);
        let limit = self.limit;
        let connecting = self.inner.connect(stream);
        Box::pin(async move { Ok(Deadline::new(connecting.await?, limit)) })
    }
}

/// No TLS at all, for a server reached without it (`sslmode=disable`), so
/// that a plaintext connection has its [`Deadline`] too. tokio-postgres
/// hands a connector the socket only to make TLS; told to make it directly
/// (`sslnegotiation=direct`, where nothing is sent before the connector has
/// the socket) it hands the socket over before the startup message, and
/// this connector gives it back as it is. The server sees PostgreSQL's
/// plain protocol, the startup message first, as from any client without
/// TLS. The connection offers no channel binding, which a server gives only
/// over TLS.
#[derive(Debug, Clone, Copy)]
pub struct Plain;

/// A connection with no TLS, as [`Plain`] gives it back.
pub struct PlainStream<S>(S);

impl<S> MakeTlsConnect<S> for Plain
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    type Stream = PlainStream<S>;
    type TlsConnect = Plain;
    type Error = std::convert::Infallible;

    fn make_tls_connect(&mut self, _domain: &str) -> Result<Plain, Self::Error> {
        Ok(Plain)
    }
}

impl<S> TlsConnect<S> for Plain
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    type Stream = PlainStream<S>;
    type Error = std::convert::Infallible;
    type Future = std::future::Ready<Result<PlainStream<S>, Self::Error>>;

    fn connect(self, stream: S) -> Self::Future {
        std::future::ready(Ok(PlainStream(stream)))
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for PlainStream<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for PlainStream<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> TlsStream for PlainStream<S> {
    fn channel_binding(&self) -> ChannelBinding {
        ChannelBinding::none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(kind: u8, body: &[u8]) -> Vec<u8> {
        let mut m = vec![kind];
        m.extend_from_slice(&(body.len() as u32 + 4).to_be_bytes());
        m.extend_from_slice(body);
        m
    }

    #[test]
    fn messages_are_told_apart_however_the_bytes_are_cut() {
        let mut stream = Vec::new();
        // A startup message has no type byte.
        stream.extend_from_slice(&12u32.to_be_bytes());
        stream.extend_from_slice(&[0, 3, 0, 0, b'u', 0, 0, 0]);
        stream.extend(message(b'P', b"SELECT 1\0\0\0"));
        stream.extend(message(b'S', b""));
        stream.extend(message(b'Q', &[b'x'; 300]));
        for cut in [1, 2, 3, 5, 7, 64, stream.len()] {
            let mut messages = Messages::new(true);
            let mut kinds = Vec::new();
            for piece in stream.chunks(cut) {
                messages.feed(piece, |k| kinds.push(k));
            }
            assert_eq!(
                kinds,
                [None, Some(b'P'), Some(b'S'), Some(b'Q')],
                "cut {cut}"
            );
        }
    }
}
