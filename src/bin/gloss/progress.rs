//! A one-line progress bar on standard error, drawn only when it is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const WIDTH: usize = 24;
/// Redrawn at most this often.
const EVERY: Duration = Duration::from_millis(100);

pub struct Progress {
    files: usize,
    bytes: u64,
    done: usize,
    done_bytes: u64,
    started: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    /// A bar for `files` articles of `bytes` in all, when standard error is a terminal.
    pub fn on_terminal(files: usize, bytes: u64) -> Option<Progress> {
        std::io::stderr().is_terminal().then(|| Progress {
            files,
            bytes,
            done: 0,
            done_bytes: 0,
            started: Instant::now(),
            drawn: None,
        })
    }

    /// One more article written.
    pub fn advance(&mut self, bytes: u64) {
        self.done += 1;
        self.done_bytes += bytes;
        let now = Instant::now();
        if self.drawn.is_some_and(|t| now - t < EVERY) && self.done < self.files {
            return;
        }
        self.drawn = Some(now);
        let share = if self.bytes > 0 {
            self.done_bytes as f64 / self.bytes as f64
        } else {
            self.done as f64 / self.files.max(1) as f64
        };
        let full = ((share * WIDTH as f64) as usize).min(WIDTH);
        let secs = self.started.elapsed().as_secs_f64();
        let rate = self.done_bytes as f64 / 1e6 / secs.max(1e-3);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[2K[{}{}] {}/{} articles, {:.1} MB/s, {:.1} s",
            "#".repeat(full),
            ".".repeat(WIDTH - full),
            self.done,
            self.files,
            rate,
            secs
        );
        let _ = err.flush();
    }

    /// Clears the bar (before a message, and at the end).
    pub fn clear(&mut self) {
        if self.drawn.is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}
