//! An article's details as people read and edit them: the byline, a readable date, a link
//! that is safe to open, and the *Edit details* form's fields checked into `Metadata`
//! (dates must be ISO 8601). Pure; the app only shows what these functions return.

use super::page::Metadata;
use std::fmt;

/// The *Edit details* form: every field as typed, authors comma separated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailsForm {
    pub headline: String,
    pub authors: String,
    pub published: String,
    pub publisher: String,
    pub url: String,
    pub language: String,
    pub description: String,
}

/// Why the form's fields cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DetailsError {
    /// The date is not ISO 8601 (`YYYY-MM-DD` or a full date and time).
    BadDate { found: String, why: DateError },
}

impl fmt::Display for DetailsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetailsError::BadDate { found, why } => write!(
                f,
                "The date “{}” is not valid: {why}. Write it as 2024-03-05, or as a full date and time such as 2024-03-05T10:00:00Z.",
                super::excerpt(found, 40)
            ),
        }
    }
}

impl std::error::Error for DetailsError {}

/// What is wrong with a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not in the shape `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`.
    Shape,
    Month,
    Day,
    Time,
    Zone,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Shape => "it is not in the form year-month-day",
            DateError::Month => "there is no such month",
            DateError::Day => "that month has no such day",
            DateError::Time => "the time of day is not valid",
            DateError::Zone => "the time zone is not valid",
        })
    }
}

/// The parts of an ISO 8601 date or date and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoDate {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    /// Hours, minutes and seconds (0 when not written), when a time is given.
    pub time: Option<(u32, u32, u32)>,
    pub zone: Zone,
}

/// The time zone of a date and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// None given (a date alone, or local time).
    Unstated,
    Utc,
    /// Minutes east of UTC.
    Offset(i32),
}

/// The months' names, in English, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The number written by the `n` ASCII digits at `b[i..]`, if they are all digits.
pub(crate) fn digits(b: &[u8], i: usize, n: usize) -> Option<u32> {
    let d = b.get(i..i + n)?;
    d.iter()
        .all(u8::is_ascii_digit)
        .then(|| d.iter().fold(0, |v, c| v * 10 + u32::from(c - b'0')))
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads an ISO 8601 date (`2024-03-05`) or date and time (`2024-03-05T10:00`,
/// `2024-03-05T10:00:30.5Z`, `2024-03-05T10:00:00+01:00`). Never panics. Read by byte
/// positions (every part has a fixed width), which compiles to a fraction of splitting.
pub fn parse_date(s: &str) -> Result<IsoDate, DateError> {
    let b = s.trim().as_bytes();
    // YYYY-MM-DD, then nothing or `T`
    let shape =
        b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && (b.len() == 10 || b[10] | 0x20 == b't');
    let (Some(year), Some(month), Some(day), true) =
        (digits(b, 0, 4), digits(b, 5, 2), digits(b, 8, 2), shape)
    else {
        return Err(DateError::Shape);
    };
    if !(1..=12).contains(&month) {
        return Err(DateError::Month);
    }
    if day == 0 || day > days_in(year, month) {
        return Err(DateError::Day);
    }
    let date = |time, zone| IsoDate {
        year,
        month,
        day,
        time,
        zone,
    };
    if b.len() == 10 {
        return Ok(date(None, Zone::Unstated));
    }
    let rest = &b[11..];
    // the zone: Z, or +HH:MM / -HH:MM / +HHMM / +HH after the time
    let (time, zone) = if rest.last().is_some_and(|c| c | 0x20 == b'z') {
        (&rest[..rest.len() - 1], Zone::Utc)
    } else if let Some(i) = rest.iter().rposition(|c| matches!(c, b'+' | b'-')) {
        let z = &rest[i + 1..];
        let (h, m) = match z.len() {
            5 if z[2] == b':' => (digits(z, 0, 2), digits(z, 3, 2)),
            4 => (digits(z, 0, 2), digits(z, 2, 2)),
            2 => (digits(z, 0, 2), Some(0)),
            _ => (None, None),
        };
        match (h, m) {
            (Some(h), Some(m)) if h <= 14 && m < 60 => {
                let sign = if rest[i] == b'-' { -1 } else { 1 };
                (&rest[..i], Zone::Offset(sign * (h * 60 + m) as i32))
            }
            _ => return Err(DateError::Zone),
        }
    } else {
        (rest, Zone::Unstated)
    };
    // HH:MM, then nothing or :SS, then nothing or a fraction (. or , and digits)
    let n = time.len();
    let seconds_ok = n == 5
        || (n >= 8
            && time[5] == b':'
            && digits(time, 6, 2).is_some_and(|s| s <= 60)
            && (n == 8
                || (n > 9
                    && matches!(time[8], b'.' | b',')
                    && time[9..].iter().all(u8::is_ascii_digit))));
    match (digits(time, 0, 2), digits(time, 3, 2)) {
        (Some(h), Some(m)) if time[2] == b':' && seconds_ok && h <= 23 && m <= 59 => {
            let sec = if n >= 8 {
                digits(time, 6, 2).unwrap_or(0)
            } else {
                0
            };
            Ok(date(Some((h, m, sec)), zone))
        }
        _ => Err(DateError::Time),
    }
}

/// Appends `n` in decimal with at least `width` digits.
fn pad(s: &mut String, n: u32, width: usize) {
    let d = n.to_string();
    for _ in d.len()..width {
        s.push('0');
    }
    s.push_str(&d);
}

/// Appends a zone's offset as `+01:00` or `-05:30`.
fn push_offset(s: &mut String, o: i32) {
    s.push(if o < 0 { '-' } else { '+' });
    let o = o.unsigned_abs();
    pad(s, o / 60, 2);
    s.push(':');
    pad(s, o % 60, 2);
}

impl IsoDate {
    /// Written back as ISO 8601: `2024-03-05`, or `2024-03-05T10:00:00` with `Z` or
    /// `+01:00` when the zone is stated.
    pub fn to_iso(&self) -> String {
        let mut s = String::new();
        pad(&mut s, self.year, 4);
        s.push('-');
        pad(&mut s, self.month, 2);
        s.push('-');
        pad(&mut s, self.day, 2);
        if let Some((h, m, sec)) = self.time {
            s.push('T');
            pad(&mut s, h, 2);
            s.push(':');
            pad(&mut s, m, 2);
            s.push(':');
            pad(&mut s, sec, 2);
            match self.zone {
                Zone::Utc => s.push('Z'),
                Zone::Offset(o) => push_offset(&mut s, o),
                Zone::Unstated => {}
            }
        }
        s
    }
}

/// A date as people read it: "5 March 2024", "5 March 2024, 10:00 UTC"; `None` when it is
/// not ISO 8601 (then show it as it is).
pub fn readable_date(iso: &str) -> Option<String> {
    let d = parse_date(iso).ok()?;
    let month = MONTHS.get(d.month as usize - 1)?;
    let mut s = d.day.to_string();
    s.push(' ');
    s.push_str(month);
    s.push(' ');
    pad(&mut s, d.year, 1);
    if let Some((h, m, _)) = d.time {
        s.push_str(", ");
        pad(&mut s, h, 2);
        s.push(':');
        pad(&mut s, m, 2);
        match d.zone {
            Zone::Utc => s.push_str(" UTC"),
            Zone::Offset(o) => {
                s.push_str(" UTC");
                push_offset(&mut s, o);
            }
            Zone::Unstated => {}
        }
    }
    Some(s)
}

/// The URL when it is safe to open as a link: `http` or `https`, with a host, no white space
/// or control characters. Anything else (`javascript:`, `data:`, relative) is shown as text.
pub fn link_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let rest = ["https://", "http://"].into_iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| &url[scheme.len()..])
    })?;
    // a host: something before the path, query or fragment
    let host_ok = !rest.is_empty() && !rest.starts_with(['/', '?', '#']);
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (host_ok && clean).then_some(url)
}

/// "By Ana Lima", "By Ana Lima and Bo Chen", "By A, B and C"; `None` without authors.
pub fn byline(authors: &[String]) -> Option<String> {
    let (last, init) = authors.split_last()?;
    let mut s = String::from("By ");
    if !init.is_empty() {
        s += &init.join(", ");
        s += " and ";
    }
    s += last;
    Some(s)
}

/// White space folded to single spaces and trimmed; `None` when nothing is left.
pub fn fold(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

impl DetailsForm {
    /// The form filled in with an article's details.
    pub fn of(m: &Metadata) -> DetailsForm {
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        DetailsForm {
            headline: s(&m.headline),
            authors: m.authors.join(", "),
            published: s(&m.published),
            publisher: s(&m.publisher),
            url: s(&m.url),
            language: s(&m.language),
            description: s(&m.description),
        }
    }

    /// The details to save: white space folded, empty fields left out, authors split on
    /// commas; the date must be ISO 8601.
    pub fn to_metadata(&self) -> Result<Metadata, DetailsError> {
        let published = fold(&self.published);
        if let Some(p) = &published {
            parse_date(p).map_err(|why| DetailsError::BadDate {
                found: p.clone(),
                why,
            })?;
        }
        Ok(Metadata {
            headline: fold(&self.headline),
            authors: self.authors.split(',').filter_map(fold).collect(),
            published,
            publisher: fold(&self.publisher),
            url: self.url.split_whitespace().next().map(str::to_string),
            language: fold(&self.language),
            description: fold(&self.description),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_and_date_times_are_accepted() {
        for ok in [
            "2024-03-05",
            "2024-02-29",
            "2024-03-05T10:00",
            "2024-03-05T10:00:30",
            "2024-03-05T10:00:30.123Z",
            "2024-03-05T10:00:00+01:00",
            "2024-03-05T10:00:00-0530",
            "2024-03-05T23:59:60Z",
            " 2024-03-05 ",
        ] {
            assert!(parse_date(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn bad_dates_say_what_is_wrong() {
        assert_eq!(parse_date("5 March 2024"), Err(DateError::Shape));
        assert_eq!(parse_date("2024-3-5"), Err(DateError::Shape));
        assert_eq!(parse_date("2024-03-05-01"), Err(DateError::Shape));
        assert_eq!(parse_date(""), Err(DateError::Shape));
        assert_eq!(parse_date("2024-13-01"), Err(DateError::Month));
        assert_eq!(parse_date("2023-02-29"), Err(DateError::Day));
        assert_eq!(parse_date("2024-04-31"), Err(DateError::Day));
        assert_eq!(parse_date("2024-03-05T25:00"), Err(DateError::Time));
        assert_eq!(parse_date("2024-03-05T10"), Err(DateError::Time));
        assert_eq!(parse_date("2024-03-05T10:00:00.Z"), Err(DateError::Time));
        assert_eq!(parse_date("2024-03-05T10:00+99:00"), Err(DateError::Zone));
        // never panics on odd input
        for s in [
            "T",
            "-",
            "😀-😀-😀",
            "2024-03-05T",
            "2024-03-05T+",
            "2024-03-05T10:00+😀",
            "٢٠٢٤-٠٣-٠٥",
        ] {
            let _ = parse_date(s);
        }
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(readable_date("2024-03-05").as_deref(), Some("5 March 2024"));
        assert_eq!(
            readable_date("2024-12-25T09:05:00Z").as_deref(),
            Some("25 December 2024, 09:05 UTC")
        );
        assert_eq!(
            readable_date("2024-12-25T09:05-05:00").as_deref(),
            Some("25 December 2024, 09:05 UTC-05:00")
        );
        assert_eq!(readable_date("last Tuesday"), None);
    }

    #[test]
    fn only_web_links_open() {
        assert_eq!(
            link_url(" https://example.com/a?b#c "),
            Some("https://example.com/a?b#c")
        );
        assert_eq!(link_url("HTTP://example.com"), Some("HTTP://example.com"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//example.com",
            "/a/b",
            "https://",
            "https://exa mple.com",
            "ftp://example.com",
            "ü",
        ] {
            assert_eq!(link_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn bylines() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(byline(&[]), None);
        assert_eq!(byline(&v(&["Ana"])).as_deref(), Some("By Ana"));
        assert_eq!(byline(&v(&["Ana", "Bo"])).as_deref(), Some("By Ana and Bo"));
        assert_eq!(
            byline(&v(&["A", "B", "C"])).as_deref(),
            Some("By A, B and C")
        );
    }

    #[test]
    fn the_form_round_trips_and_checks_the_date() {
        let m = Metadata {
            headline: Some("Ана  и 漢字".into()),
            authors: vec!["Ana Lima".into(), "نور".into()],
            published: Some("2024-03-05".into()),
            publisher: Some("The Paper".into()),
            url: Some("https://example.com/x".into()),
            language: Some("en".into()),
            description: None,
        };
        let form = DetailsForm::of(&m);
        assert_eq!(form.authors, "Ana Lima, نور");
        let back = form.to_metadata().unwrap();
        assert_eq!(back.headline.as_deref(), Some("Ана и 漢字"));
        assert_eq!(back.authors, m.authors);
        let typed = DetailsForm {
            authors: " , Bo Chen ,, Ana ".into(),
            published: "05/03/2024".into(),
            ..Default::default()
        };
        let e = typed.to_metadata().unwrap_err();
        assert!(e.to_string().contains("05/03/2024"), "{e}");
        assert!(e.to_string().contains("2024-03-05"), "{e}");
        let typed = DetailsForm {
            published: "  ".into(),
            ..typed
        };
        let m = typed.to_metadata().unwrap();
        assert_eq!(m.authors, ["Bo Chen", "Ana"]);
        assert!(m.published.is_none());
        assert!(DetailsForm::default().to_metadata().unwrap().is_empty());
    }
}
