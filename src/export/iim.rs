//! Writing IPTC IIM for the tools that read nothing else: UTF-8, marked as
//! such in dataset 1:90, wrapped in a Photoshop image resource (0x0404).

use crate::ingest::iptc::ds;
use crate::photo::Photo;
use crate::text::xml_safe;

const RECORD_VERSION: u16 = 4;

fn dataset(out: &mut Vec<u8>, record: u8, number: u8, data: &[u8]) {
    out.extend_from_slice(&[0x1C, record, number]);
    if data.len() < 0x8000 {
        out.extend_from_slice(&(data.len() as u16).to_be_bytes());
    } else {
        // Extended dataset: four bytes of length follow.
        out.extend_from_slice(&0x8004u16.to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    }
    out.extend_from_slice(data);
}

/// IIM 2:55 for a partial date: unknown month or day is `00`.
fn iim_date(date: &str) -> Option<(String, Option<String>)> {
    // IIM holds a plain date: the standard one that covers an EDTF date.
    let parsed = crate::date::Depicted::parse(date).ok()?.standard()?;
    let day = format!(
        "{:04}{:02}{:02}",
        parsed.year,
        parsed.month.unwrap_or(0),
        parsed.day.unwrap_or(0)
    );
    // IIM 2:60 is HHMMSS±HHMM.
    let time = parsed.time.as_deref().map(|t| {
        let (clock, zone) = match t.find(['+', '-', 'Z']) {
            Some(i) => t.split_at(i),
            None => (t, "+00:00"),
        };
        let clock: String = clock.split('.').next().unwrap_or(clock).replace(':', "");
        let clock = format!("{clock:0<6}");
        let zone = if zone == "Z" {
            "+0000".to_owned()
        } else {
            zone.replace(':', "")
        };
        format!("{clock}{zone}")
    });
    Some((day, time))
}

/// The IIM block of a photo's descriptive fields.
pub fn block(photo: &Photo) -> Vec<u8> {
    let d = &photo.description;
    let mut out = Vec::new();
    dataset(&mut out, 1, 90, b"\x1b%G");
    dataset(&mut out, 2, 0, &RECORD_VERSION.to_be_bytes());
    // Control characters (other than tab and line breaks) are left out, as
    // in XMP: readers take ESC for a character set switch.
    let mut text = |number: u8, value: &Option<String>| {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            dataset(&mut out, 2, number, xml_safe(v).as_bytes());
        }
    };
    text(ds::OBJECT_NAME, &d.title);
    text(ds::HEADLINE, &d.headline);
    text(ds::CAPTION, &d.caption);
    text(ds::CREDIT, &d.credit);
    text(ds::COPYRIGHT, &d.copyright);
    text(ds::SOURCE, &d.source);
    text(ds::SPECIAL_INSTRUCTIONS, &d.instructions);
    text(ds::TRANSMISSION_REFERENCE, &d.job_id);
    text(ds::SUBLOCATION, &d.sublocation);
    text(ds::CITY, &d.city);
    text(ds::PROVINCE_STATE, &d.state);
    text(ds::COUNTRY, &d.country);
    text(ds::COUNTRY_CODE, &d.country_code);
    for creator in &d.creators {
        dataset(&mut out, 2, ds::BYLINE, xml_safe(creator).as_bytes());
    }
    for keyword in &d.keywords {
        dataset(&mut out, 2, ds::KEYWORDS, xml_safe(keyword).as_bytes());
    }
    if let Some((day, time)) = d.date_created.as_deref().and_then(iim_date) {
        dataset(&mut out, 2, ds::DATE_CREATED, day.as_bytes());
        if let Some(t) = time {
            dataset(&mut out, 2, ds::TIME_CREATED, t.as_bytes());
        }
    }
    out
}

/// Photoshop image resources with the IIM block (0x0404) replaced. Other
/// resources in `existing` are kept, except the IPTC digest (0x0425), which
/// would no longer match and would make readers distrust the XMP.
pub fn photoshop_resources(existing: &[u8], iim: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = existing;
    while rest.len() >= 12 && &rest[0..4] == b"8BIM" {
        let id = u16::from_be_bytes([rest[4], rest[5]]);
        let name_total = (1 + rest[6] as usize + 1) & !1;
        let size_at = 6 + name_total;
        let Some(size) = rest
            .get(size_at..size_at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        else {
            break;
        };
        let end = size_at + 4 + size + (size & 1);
        let Some(resource) = rest.get(..end.min(rest.len())) else {
            break;
        };
        if id != 0x0404 && id != 0x0425 {
            out.extend_from_slice(resource);
        }
        rest = &rest[end.min(rest.len())..];
    }
    out.extend_from_slice(b"8BIM");
    out.extend_from_slice(&0x0404u16.to_be_bytes());
    out.extend_from_slice(&[0, 0]); // empty name, padded
    out.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    out.extend_from_slice(iim);
    if iim.len() % 2 == 1 {
        out.push(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::iptc::{Iim, iim_from_photoshop_resources};
    use crate::photo::*;

    #[test]
    fn what_is_written_reads_back() {
        let photo = Photo {
            id: PhotoId(1),
            file: FileInfo {
                path: "/a.jpg".into(),
                size: 1,
                mtime_ns: 1,
                hash: "h".into(),
                format: ImageFormat::Jpeg,
                sidecar: None,
            },
            technical: Technical::default(),
            description: Description {
                title: Some("Mattresses outdoors".into()),
                creators: vec!["Dana Kyndrová".into(), "Jiří Šedivý".into()],
                keywords: vec!["vojáci".into(), "Советская армия".into()],
                city: Some("Mladá Boleslav".into()),
                date_created: Some("1991-06".into()),
                caption: Some("x".repeat(40_000)),
                ..Description::default()
            },
            curation: Curation::default(),
            warnings: vec![],
        };
        let resources = photoshop_resources(
            b"8BIM\x04\x25\0\0\0\0\0\x10aaaaaaaaaaaaaaaa",
            &block(&photo),
        );
        let iim = Iim::parse(iim_from_photoshop_resources(&resources).unwrap()).unwrap();
        assert!(iim.utf8);
        assert_eq!(iim.values(ds::BYLINE), ["Dana Kyndrová", "Jiří Šedivý"]);
        assert_eq!(iim.values(ds::KEYWORDS), ["vojáci", "Советская армия"]);
        assert_eq!(iim.value(ds::CITY).as_deref(), Some("Mladá Boleslav"));
        assert_eq!(iim.value(ds::DATE_CREATED).as_deref(), Some("19910600"));
        assert_eq!(iim.value(ds::CAPTION).map(|c| c.len()), Some(40_000));
        assert!(
            !resources.windows(6).any(|w| w == b"8BIM\x04\x25"),
            "the stale digest is dropped"
        );
    }
}
