//! Writing the catalogue's descriptive fields as XMP: a fresh packet, or a
//! merge into an existing one that keeps every property Kartoteka does not
//! manage (camera settings, Lightroom's develop settings, history…).
//!
//! The merge streams the existing packet through quick-xml, dropping only
//! the managed properties, and adds one `rdf:Description` with the
//! catalogue's values. What is not Kartoteka's passes through untouched.

use quick_xml::NsReader;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::catalog::Claim;
use crate::date::Depicted;
use crate::ingest::xmp::{
    NS_DC, NS_IPTC_CORE, NS_IPTC_EXT, NS_KARTOTEKA, NS_LIGHTROOM, NS_PHOTOSHOP, NS_RDF, NS_XMP,
    XmpError,
};
use crate::photo::Photo;
use crate::text::xml_safe;

/// The properties Kartoteka writes (and so replaces when merging).
pub const MANAGED: &[(&str, &str)] = &[
    (NS_DC, "title"),
    (NS_DC, "description"),
    (NS_DC, "creator"),
    (NS_DC, "rights"),
    (NS_DC, "subject"),
    (NS_PHOTOSHOP, "Headline"),
    (NS_PHOTOSHOP, "Credit"),
    (NS_PHOTOSHOP, "Source"),
    (NS_PHOTOSHOP, "Instructions"),
    (NS_PHOTOSHOP, "TransmissionReference"),
    (NS_PHOTOSHOP, "City"),
    (NS_PHOTOSHOP, "State"),
    (NS_PHOTOSHOP, "Country"),
    (NS_PHOTOSHOP, "DateCreated"),
    (NS_IPTC_CORE, "Location"),
    (NS_IPTC_CORE, "CountryCode"),
    (NS_IPTC_EXT, "PersonInImage"),
    (NS_IPTC_EXT, "Event"),
    (NS_IPTC_EXT, "DigitalSourceType"),
    (NS_LIGHTROOM, "hierarchicalSubject"),
    (NS_XMP, "Rating"),
    (NS_XMP, "Label"),
    (NS_XMP, "MetadataDate"),
    (NS_KARTOTEKA, "DateDepicted"),
    (NS_KARTOTEKA, "Claims"),
    (NS_KARTOTEKA, "Sources"),
];

fn is_managed(ns: &str, name: &str) -> bool {
    MANAGED.iter().any(|(n, l)| *n == ns && *l == name)
}

/// The `rdf:Description` holding a photo's descriptive fields, its claims
/// and the sources they cite.
pub fn description(photo: &Photo, claims: &[Claim]) -> String {
    let d = &photo.description;
    let mut body = String::new();
    let simple = |body: &mut String, name: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            body.push_str(&format!("   <{name}>{}</{name}>\n", escape(xml_safe(v))));
        }
    };
    let alt = |body: &mut String, name: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            body.push_str(&format!(
                "   <{name}>\n    <rdf:Alt>\n     <rdf:li xml:lang=\"x-default\">{}</rdf:li>\n    </rdf:Alt>\n   </{name}>\n",
                escape(xml_safe(v))
            ));
        }
    };
    let array = |body: &mut String, name: &str, kind: &str, items: &[String]| {
        if !items.is_empty() {
            body.push_str(&format!("   <{name}>\n    <rdf:{kind}>\n"));
            for i in items {
                body.push_str(&format!("     <rdf:li>{}</rdf:li>\n", escape(xml_safe(i))));
            }
            body.push_str(&format!("    </rdf:{kind}>\n   </{name}>\n"));
        }
    };
    alt(&mut body, "dc:title", &d.title);
    alt(&mut body, "dc:description", &d.caption);
    array(&mut body, "dc:creator", "Seq", &d.creators);
    alt(&mut body, "dc:rights", &d.copyright);
    array(&mut body, "dc:subject", "Bag", &d.keywords);
    simple(&mut body, "photoshop:Headline", &d.headline);
    simple(&mut body, "photoshop:Credit", &d.credit);
    simple(&mut body, "photoshop:Source", &d.source);
    simple(&mut body, "photoshop:Instructions", &d.instructions);
    simple(&mut body, "photoshop:TransmissionReference", &d.job_id);
    simple(&mut body, "photoshop:City", &d.city);
    simple(&mut body, "photoshop:State", &d.state);
    simple(&mut body, "photoshop:Country", &d.country);
    // Other programs read a plain date; the EDTF travels in Kartoteka's own
    // property (see `Depicted::standard`).
    let depicted = d
        .date_created
        .as_deref()
        .and_then(|t| Depicted::parse(t).ok());
    simple(
        &mut body,
        "photoshop:DateCreated",
        &depicted
            .as_ref()
            .and_then(Depicted::standard)
            .map(|p| p.to_string()),
    );
    simple(
        &mut body,
        "kartoteka:DateDepicted",
        &depicted.as_ref().map(Depicted::to_string),
    );
    simple(&mut body, "Iptc4xmpCore:Location", &d.sublocation);
    simple(&mut body, "Iptc4xmpCore:CountryCode", &d.country_code);
    array(&mut body, "Iptc4xmpExt:PersonInImage", "Bag", &d.people);
    alt(&mut body, "Iptc4xmpExt:Event", &d.event);
    simple(
        &mut body,
        "Iptc4xmpExt:DigitalSourceType",
        &d.digital_source_type,
    );
    array(
        &mut body,
        "lr:hierarchicalSubject",
        "Bag",
        &d.hierarchical_keywords,
    );
    let c = &photo.curation;
    if c.rating > 0 {
        simple(&mut body, "xmp:Rating", &Some(c.rating.to_string()));
    }
    if let Some(l) = c.label {
        let name = l.name();
        let capitalised = name[..1].to_uppercase() + &name[1..];
        simple(&mut body, "xmp:Label", &Some(capitalised));
    }
    simple(&mut body, "xmp:MetadataDate", &Some(crate::date::now_utc()));
    claims_and_sources(&mut body, claims);
    format!(
        "  <rdf:Description rdf:about=\"\"\n    xmlns:dc=\"{NS_DC}\"\n    xmlns:photoshop=\"{NS_PHOTOSHOP}\"\n    \
         xmlns:Iptc4xmpCore=\"{NS_IPTC_CORE}\"\n    xmlns:Iptc4xmpExt=\"{NS_IPTC_EXT}\"\n    \
         xmlns:lr=\"{NS_LIGHTROOM}\"\n    xmlns:xmp=\"{NS_XMP}\"\n    \
         xmlns:kartoteka=\"{NS_KARTOTEKA}\">\n{body}  </rdf:Description>\n"
    )
}

/// `kartoteka:Claims`, an ordered list of structures (field, value or
/// values, source, locator, certainty, note, preferred), and
/// `kartoteka:Sources`, the sources they cite, each with a `key` that the
/// claims' `source` names. The key is the source's id in the catalogue
/// that wrote the packet; a catalogue reading it matches sources by what
/// they say, never by key.
fn claims_and_sources(body: &mut String, claims: &[Claim]) {
    if claims.is_empty() {
        return;
    }
    let text = |body: &mut String, indent: &str, name: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            body.push_str(&format!(
                "{indent}<kartoteka:{name}>{}</kartoteka:{name}>\n",
                escape(xml_safe(v))
            ));
        }
    };
    let list = |body: &mut String, indent: &str, name: &str, items: &[String]| {
        body.push_str(&format!("{indent}<kartoteka:{name}>\n{indent} <rdf:Seq>\n"));
        for i in items {
            body.push_str(&format!(
                "{indent}  <rdf:li>{}</rdf:li>\n",
                escape(xml_safe(i))
            ));
        }
        body.push_str(&format!(
            "{indent} </rdf:Seq>\n{indent}</kartoteka:{name}>\n"
        ));
    };
    let item = "      ";
    body.push_str("   <kartoteka:Claims>\n    <rdf:Seq>\n");
    for c in claims {
        body.push_str("     <rdf:li rdf:parseType=\"Resource\">\n");
        text(body, item, "field", Some(&c.field));
        match &c.value {
            serde_json::Value::Array(items) => {
                let items: Vec<String> = items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_owned))
                    .collect();
                list(body, item, "values", &items);
            }
            serde_json::Value::String(s) => text(body, item, "value", Some(s)),
            other => text(body, item, "value", Some(&other.to_string())),
        }
        let key = c.source.as_ref().map(|s| s.id.to_string());
        text(body, item, "source", key.as_deref());
        text(body, item, "locator", c.locator.as_deref());
        text(body, item, "certainty", c.certainty.map(|c| c.name()));
        text(body, item, "note", c.note.as_deref());
        text(
            body,
            item,
            "preferred",
            Some(if c.preferred { "True" } else { "False" }),
        );
        body.push_str("     </rdf:li>\n");
    }
    body.push_str("    </rdf:Seq>\n   </kartoteka:Claims>\n");

    let mut cited: Vec<&crate::catalog::Source> = Vec::new();
    for s in claims.iter().filter_map(|c| c.source.as_ref()) {
        if !cited.iter().any(|c| c.id == s.id) {
            cited.push(s);
        }
    }
    if cited.is_empty() {
        return;
    }
    body.push_str("   <kartoteka:Sources>\n    <rdf:Bag>\n");
    for s in cited {
        let r = &s.record;
        body.push_str("     <rdf:li rdf:parseType=\"Resource\">\n");
        text(body, item, "key", Some(&s.id.to_string()));
        text(body, item, "citation", Some(&r.citation));
        if !r.authors.is_empty() {
            list(body, item, "authors", &r.authors);
        }
        text(body, item, "title", r.title.as_deref());
        text(body, item, "publisher", r.publisher.as_deref());
        text(body, item, "date", r.date.as_deref());
        text(body, item, "url", r.url.as_deref());
        text(body, item, "reference", r.reference.as_deref());
        text(body, item, "kind", Some(r.kind.name()));
        text(body, item, "note", r.note.as_deref());
        if !r.extra.is_empty() {
            let csl = serde_json::Value::Object(r.extra.clone()).to_string();
            text(body, item, "csl", Some(&csl));
        }
        body.push_str("     </rdf:li>\n");
    }
    body.push_str("    </rdf:Bag>\n   </kartoteka:Sources>\n");
}

/// A complete new XMP packet for a photo.
pub fn packet(photo: &Photo, claims: &[Claim]) -> String {
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"Kartoteka {}\">\n \
         <rdf:RDF xmlns:rdf=\"{NS_RDF}\">\n{} </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n",
        env!("CARGO_PKG_VERSION"),
        description(photo, claims)
    )
}

fn resolved(r: ResolveResult<'_>) -> String {
    match r {
        ResolveResult::Bound(ns) => ns.0.to_owned(),
        _ => String::new(),
    }
}

/// Merges a photo's fields into an existing packet: managed properties
/// (as elements or attributes) are replaced, everything else is kept.
/// A packet that is not well-formed RDF is an error: it is never replaced
/// blindly.
pub fn merge(existing: &[u8], photo: &Photo, claims: &[Claim]) -> Result<String, XmpError> {
    let text = crate::ingest::xmp::decode_packet(existing)?;
    // Check it parses as XMP at all before rewriting anything.
    crate::ingest::xmp::Xmp::parse(text.as_bytes())?;
    let mut reader = NsReader::from_str(&text);
    let mut out = quick_xml::Writer::new(Vec::new());
    let mut depth = 0usize;
    // Depth of the open rdf:Description (children are properties).
    let mut description_depth: Option<usize> = None;
    // Depth at which a skipped managed property started.
    let mut skipping: Option<usize> = None;
    let mut wrote_ours = false;
    loop {
        let event = reader.read_event().map_err(|e| XmpError::NotWellFormed {
            at: reader.buffer_position(),
            reason: e.to_string(),
        })?;
        match &event {
            Event::Eof => break,
            Event::Start(start) | Event::Empty(start) => {
                let is_empty = matches!(event, Event::Empty(_));
                let (ns, local) = reader.resolver().resolve_element(start.name());
                let (ns, local) = (resolved(ns), local.into_inner().to_owned());
                if !is_empty {
                    depth += 1;
                }
                if skipping.is_some() {
                    continue;
                }
                let here = if is_empty { depth + 1 } else { depth };
                if description_depth.is_some_and(|d| here == d + 1) && is_managed(&ns, &local) {
                    if !is_empty {
                        skipping = Some(depth);
                    }
                    continue;
                }
                if ns == NS_RDF && local == "Description" {
                    if !is_empty {
                        description_depth = Some(depth);
                    }
                    let filtered = filter_attributes(&reader, start)?;
                    let event = if is_empty {
                        Event::Empty(filtered)
                    } else {
                        Event::Start(filtered)
                    };
                    out.write_event(event).map_err(rewrite)?;
                    continue;
                }
                out.write_event(event.clone()).map_err(rewrite)?;
            }
            Event::End(end) => {
                let (ns, local) = reader.resolver().resolve_element(end.name());
                let (ns, local) = (resolved(ns), local.into_inner().to_owned());
                if let Some(start) = skipping {
                    if depth == start {
                        skipping = None;
                    }
                    depth -= 1;
                    continue;
                }
                if description_depth == Some(depth) {
                    description_depth = None;
                }
                if ns == NS_RDF && local == "RDF" && !wrote_ours {
                    out.get_mut()
                        .extend_from_slice(description(photo, claims).as_bytes());
                    out.get_mut().push(b' ');
                    wrote_ours = true;
                }
                depth = depth.saturating_sub(1);
                out.write_event(event.clone()).map_err(rewrite)?;
            }
            _ => {
                if skipping.is_none() {
                    out.write_event(event.clone()).map_err(rewrite)?;
                }
            }
        }
    }
    if !wrote_ours {
        return Err(XmpError::NoRdf);
    }
    String::from_utf8(out.into_inner()).map_err(rewrite)
}

fn rewrite(e: impl std::fmt::Display) -> XmpError {
    XmpError::Rewrite(e.to_string())
}

/// An `rdf:Description` start tag without the managed properties written
/// as attributes (`photoshop:City="Praha"`).
fn filter_attributes(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
) -> Result<BytesStart<'static>, XmpError> {
    let name = std::str::from_utf8(start.name().0.as_bytes())
        .map_err(rewrite)?
        .to_owned();
    let mut filtered = BytesStart::new(name);
    for attr in start.attributes() {
        let attr = attr.map_err(|e| XmpError::BadAttribute(e.to_string()))?;
        let (ns, local) = reader.resolver().resolve_attribute(attr.key);
        if is_managed(&resolved(ns), local.into_inner()) {
            continue;
        }
        filtered.push_attribute(attr);
    }
    Ok(filtered.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo::*;

    fn photo() -> Photo {
        Photo {
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
                title: Some("Milovice — \"last train\" & <farewell>".into()),
                caption: Some("=SUM(1+1) first line\nsecond line".into()),
                creators: vec!["Jiří Šedivý".into()],
                keywords: vec![
                    "Havel, Václav".into(),
                    "odsun; návrat".into(),
                    "Советская армия".into(),
                ],
                hierarchical_keywords: vec!["Places|Czechoslovakia|Milovice".into()],
                date_created: Some("1991-06".into()),
                city: Some("Milovice".into()),
                ..Description::default()
            },
            curation: Curation {
                rating: 4,
                label: Some(Label::Green),
                ..Curation::default()
            },
            warnings: vec![],
        }
    }

    #[test]
    fn a_fresh_packet_reads_back_field_for_field() {
        let p = photo();
        let xmp = Xmp::parse(packet(&p, &[]).as_bytes()).unwrap();
        use crate::ingest::xmp::*;
        assert_eq!(xmp.text(NS_DC, "title"), p.description.title);
        assert_eq!(xmp.text(NS_DC, "description"), p.description.caption);
        assert_eq!(xmp.list(NS_DC, "subject"), p.description.keywords);
        assert_eq!(xmp.list(NS_DC, "creator"), p.description.creators);
        assert_eq!(
            xmp.list(NS_LIGHTROOM, "hierarchicalSubject"),
            p.description.hierarchical_keywords
        );
        assert_eq!(
            xmp.text(NS_PHOTOSHOP, "DateCreated").as_deref(),
            Some("1991-06")
        );
        assert_eq!(xmp.text(NS_XMP, "Rating").as_deref(), Some("4"));
        assert_eq!(xmp.text(NS_XMP, "Label").as_deref(), Some("Green"));
    }

    #[test]
    fn merging_keeps_what_is_not_ours_and_replaces_what_is() {
        let existing = r#"<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x='adobe:ns:meta/'>
<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
 <rdf:Description rdf:about='' xmlns:ps='http://ns.adobe.com/photoshop/1.0/'
   xmlns:crs='http://ns.adobe.com/camera-raw-settings/1.0/'
   ps:City='Praha' crs:Exposure2012='+0.35'>
  <dc:title xmlns:dc='http://purl.org/dc/elements/1.1/'><rdf:Alt><rdf:li xml:lang='x-default'>Old title</rdf:li></rdf:Alt></dc:title>
  <crs:ToneCurve><rdf:Seq><rdf:li>0, 0</rdf:li><rdf:li>255, 255</rdf:li></rdf:Seq></crs:ToneCurve>
  <xmpRights:UsageTerms xmlns:xmpRights='http://ns.adobe.com/xap/1.0/rights/'><rdf:Alt><rdf:li xml:lang='x-default'>Archive use only</rdf:li></rdf:Alt></xmpRights:UsageTerms>
 </rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end='w'?>"#;
        let merged = merge(existing.as_bytes(), &photo(), &[]).unwrap();
        let xmp = Xmp::parse(merged.as_bytes()).unwrap();
        use crate::ingest::xmp::*;
        // Ours, replaced.
        assert_eq!(xmp.text(NS_DC, "title"), photo().description.title);
        assert_eq!(xmp.text(NS_PHOTOSHOP, "City").as_deref(), Some("Milovice"));
        assert!(
            !merged.contains("Old title") && !merged.contains("Praha"),
            "{merged}"
        );
        // Not ours, kept.
        let crs = "http://ns.adobe.com/camera-raw-settings/1.0/";
        assert_eq!(xmp.text(crs, "Exposure2012").as_deref(), Some("+0.35"));
        assert_eq!(xmp.list(crs, "ToneCurve"), ["0, 0", "255, 255"]);
        assert_eq!(
            xmp.text(NS_XMP_RIGHTS, "UsageTerms").as_deref(),
            Some("Archive use only")
        );
    }

    #[test]
    fn a_broken_packet_is_not_replaced() {
        assert!(merge(b"<x:xmpmeta><rdf:RDF>", &photo(), &[]).is_err());
        assert!(merge(b"not xml at all", &photo(), &[]).is_err());
    }
}
