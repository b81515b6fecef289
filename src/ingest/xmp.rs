//! XMP reading: RDF/XML packets from JPEG APP1, TIFF tag 700, PNG iTXt and
//! `.xmp` sidecars.
//!
//! Properties are matched by namespace URI, never by prefix, since writers
//! choose their own prefixes. Simple values, arrays (Bag, Seq, Alt),
//! language alternatives and structures are all understood, whether they are
//! written as attributes or as elements; the whole packet is also flattened
//! into raw tags for the inspector.

use std::collections::HashMap;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::limits::{MAX_XMP_DEPTH, MAX_XMP_ELEMENTS};
use crate::photo::RawTag;

/// Why an XMP packet could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum XmpError {
    #[error("XMP packet has no XML in it")]
    NoXml,
    #[error("XMP is not well-formed XML at byte {at}: {reason}")]
    NotWellFormed { at: u64, reason: String },
    #[error("bad XML attribute: {0}")]
    BadAttribute(String),
    #[error("XMP uses an unknown entity &{0};")]
    UnknownEntity(String),
    #[error("XMP has a bad character reference: {0}")]
    BadCharacterReference(String),
    #[error("XMP ends before all its elements are closed")]
    Unclosed,
    #[error("XMP has more closing tags than opening ones")]
    TooManyClosingTags,
    #[error("XMP nests deeper than {MAX_XMP_DEPTH} levels; XMP ignored")]
    TooDeep,
    #[error("XMP has more than {MAX_XMP_ELEMENTS} elements; XMP ignored")]
    TooManyElements,
    #[error("XMP has no rdf:RDF element")]
    NoRdf,
    #[error("XMP could not be rewritten: {0}")]
    Rewrite(String),
}

impl XmpError {
    /// A packet refused for its size or shape (not for a syntax error).
    pub fn is_limit(&self) -> bool {
        matches!(self, XmpError::TooDeep | XmpError::TooManyElements)
    }
}

pub const NS_RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";
pub const NS_DC: &str = "http://purl.org/dc/elements/1.1/";
pub const NS_PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
pub const NS_IPTC_CORE: &str = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
pub const NS_IPTC_EXT: &str = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
pub const NS_LIGHTROOM: &str = "http://ns.adobe.com/lightroom/1.0/";
pub const NS_XMP: &str = "http://ns.adobe.com/xap/1.0/";
pub const NS_XMP_RIGHTS: &str = "http://ns.adobe.com/xap/1.0/rights/";
pub const NS_EXIF: &str = "http://ns.adobe.com/exif/1.0/";
pub const NS_EXIF_AUX: &str = "http://ns.adobe.com/exif/1.0/aux/";
pub const NS_TIFF: &str = "http://ns.adobe.com/tiff/1.0/";
/// Kartoteka's own properties: the EDTF depicted date, claims and the
/// sources they cite (see the README's "Kartoteka's XMP namespace").
pub const NS_KARTOTEKA: &str = "https://ns.kartoteka.org/xmp/1.0/";

/// The conventional prefixes, used to name raw tags whatever prefix the
/// file chose.
const KNOWN_PREFIXES: &[(&str, &str)] = &[
    (NS_DC, "dc"),
    (NS_PHOTOSHOP, "photoshop"),
    (NS_IPTC_CORE, "Iptc4xmpCore"),
    (NS_IPTC_EXT, "Iptc4xmpExt"),
    (NS_LIGHTROOM, "lr"),
    (NS_XMP, "xmp"),
    (NS_XMP_RIGHTS, "xmpRights"),
    (NS_EXIF, "exif"),
    (NS_EXIF_AUX, "aux"),
    (NS_TIFF, "tiff"),
    (NS_KARTOTEKA, "kartoteka"),
    ("http://cipa.jp/exif/1.0/", "exifEX"),
    ("http://ns.adobe.com/xap/1.0/mm/", "xmpMM"),
    ("http://ns.adobe.com/xap/1.0/sType/ResourceEvent#", "stEvt"),
    ("http://ns.adobe.com/xap/1.0/sType/ResourceRef#", "stRef"),
    ("http://ns.adobe.com/camera-raw-settings/1.0/", "crs"),
    ("http://ns.useplus.org/ldf/xmp/1.0/", "plus"),
    ("http://ns.microsoft.com/photo/1.0/", "MicrosoftPhoto"),
    ("http://ns.adobe.com/xmp/1.0/DynamicMedia/", "xmpDM"),
    ("http://ns.adobe.com/pdf/1.3/", "pdf"),
];

/// A property value in the XMP data model.
#[derive(Debug, Clone, PartialEq)]
pub enum XmpValue {
    Simple(String),
    /// rdf:Bag, rdf:Seq, or an rdf:Alt without languages.
    Array(Vec<XmpValue>),
    /// rdf:Alt of `xml:lang`-tagged texts.
    LangAlt(Vec<(String, String)>),
    Struct(Vec<XmpProperty>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct XmpProperty {
    pub ns: String,
    pub name: String,
    pub value: XmpValue,
}

/// A parsed XMP packet.
#[derive(Debug, Clone, Default)]
pub struct Xmp {
    pub properties: Vec<XmpProperty>,
    /// Prefixes as the document declared them, for naming unknown namespaces.
    prefixes: HashMap<String, String>,
}

impl Xmp {
    /// Parses a packet. The bytes may be UTF-8 or UTF-16 (with or without a
    /// byte order mark) and may carry the `<?xpacket?>` wrapper and padding.
    ///
    /// Elements nested deeper than [`MAX_XMP_DEPTH`], or more than
    /// [`MAX_XMP_ELEMENTS`] of them, make the packet refused: every walk of
    /// the parsed tree is then bounded by that depth.
    pub fn parse(bytes: &[u8]) -> Result<Self, XmpError> {
        let text = decode_packet(bytes)?;
        let root = parse_tree(&text)?;
        let mut xmp = Xmp::default();
        collect_prefixes(&text, &mut xmp.prefixes);
        let mut descriptions = Vec::new();
        find_descriptions(&root, &mut descriptions);
        for description in descriptions {
            xmp.properties.extend(description_properties(description));
        }
        Ok(xmp)
    }

    fn find(&self, ns: &str, name: &str) -> Option<&XmpValue> {
        self.properties
            .iter()
            .find(|p| p.ns == ns && p.name == name)
            .map(|p| &p.value)
    }

    /// A property as one text: a simple value, the default language of a
    /// language alternative, or the first item of an array. Blank is `None`.
    pub fn text(&self, ns: &str, name: &str) -> Option<String> {
        self.find(ns, name)
            .and_then(XmpValue::as_text)
            .filter(|t| !t.trim().is_empty())
    }

    /// A property as a list of texts; a simple value is a list of one.
    pub fn list(&self, ns: &str, name: &str) -> Vec<String> {
        let items = match self.find(ns, name) {
            Some(XmpValue::Array(items)) => items.iter().filter_map(XmpValue::as_text).collect(),
            Some(other) => other.as_text().into_iter().collect(),
            None => Vec::new(),
        };
        items.into_iter().filter(|t| !t.trim().is_empty()).collect()
    }

    /// Every property flattened into raw tags (`dc:creator` = `A; B`,
    /// structure fields as `Iptc4xmpCore:CreatorContactInfo/CiAdrCity`).
    pub fn raw_tags(&self, group: &str) -> Vec<RawTag> {
        let mut out = Vec::new();
        for p in &self.properties {
            self.flatten(group, &self.qualified(&p.ns, &p.name), &p.value, &mut out);
        }
        out
    }

    fn qualified(&self, ns: &str, name: &str) -> String {
        let prefix = KNOWN_PREFIXES
            .iter()
            .find(|(uri, _)| *uri == ns)
            .map(|(_, p)| (*p).to_owned())
            .or_else(|| self.prefixes.get(ns).cloned())
            .unwrap_or_else(|| ns.to_owned());
        format!("{prefix}:{name}")
    }

    fn flatten(&self, group: &str, path: &str, value: &XmpValue, out: &mut Vec<RawTag>) {
        match value {
            XmpValue::Simple(s) => out.push(RawTag::new(group, path, s.clone())),
            XmpValue::LangAlt(alts) => {
                for (lang, text) in alts {
                    let name = if lang == "x-default" {
                        path.to_owned()
                    } else {
                        format!("{path}[{lang}]")
                    };
                    out.push(RawTag::new(group, name, text.clone()));
                }
            }
            XmpValue::Array(items) => {
                if items.iter().all(|i| matches!(i, XmpValue::Simple(_))) {
                    let joined: Vec<&str> = items
                        .iter()
                        .filter_map(|i| match i {
                            XmpValue::Simple(s) => Some(s.as_str()),
                            _ => None,
                        })
                        .collect();
                    out.push(RawTag::new(group, path, joined.join("; ")));
                } else {
                    for (n, item) in items.iter().enumerate() {
                        self.flatten(group, &format!("{path}[{}]", n + 1), item, out);
                    }
                }
            }
            XmpValue::Struct(fields) => {
                for f in fields {
                    let name = format!("{path}/{}", self.qualified(&f.ns, &f.name));
                    self.flatten(group, &name, &f.value, out);
                }
            }
        }
    }
}

impl XmpValue {
    fn as_text(&self) -> Option<String> {
        match self {
            XmpValue::Simple(s) => Some(s.clone()),
            XmpValue::LangAlt(alts) => alts
                .iter()
                .find(|(lang, _)| lang == "x-default")
                .or_else(|| alts.first())
                .map(|(_, t)| t.clone()),
            XmpValue::Array(items) => items.first().and_then(XmpValue::as_text),
            XmpValue::Struct(_) => None,
        }
    }
}

/// Decodes a packet to text, honouring a UTF-16 byte order mark or the
/// zero-byte pattern of UTF-16 without one, and cuts trailing padding.
pub(crate) fn decode_packet(bytes: &[u8]) -> Result<String, XmpError> {
    let utf16 = |be: bool, body: &[u8]| -> String {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    let text = match bytes {
        [0xFE, 0xFF, rest @ ..] => utf16(true, rest),
        [0xFF, 0xFE, rest @ ..] => utf16(false, rest),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [0, b, ..] if *b != 0 => utf16(true, bytes),
        [b, 0, ..] if *b != 0 => utf16(false, bytes),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    };
    // Whatever follows the packet's end (NUL padding, a second copy) is not XML.
    let end = text
        .rfind("<?xpacket end")
        .and_then(|at| text[at..].find("?>").map(|e| at + e + 2))
        .or_else(|| {
            text.rfind("</x:xmpmeta>")
                .map(|at| at + "</x:xmpmeta>".len())
        })
        .or_else(|| text.rfind('>').map(|at| at + 1))
        .ok_or(XmpError::NoXml)?;
    let start = text.find('<').unwrap_or(0);
    if start >= end {
        return Err(XmpError::NoXml);
    }
    Ok(text[start..end].to_owned())
}

/// A namespace-resolved XML element.
#[derive(Debug, Default)]
struct Element {
    ns: String,
    local: String,
    /// (namespace, local name, value)
    attrs: Vec<(String, String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn is(&self, ns: &str, local: &str) -> bool {
        self.ns == ns && self.local == local
    }

    fn attr(&self, ns: &str, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, l, _)| n == ns && l == local)
            .map(|(_, _, v)| v.as_str())
    }
}

fn resolved(result: ResolveResult<'_>) -> String {
    match result {
        ResolveResult::Bound(ns) => ns.0.to_owned(),
        _ => String::new(),
    }
}

fn element_from(reader: &NsReader<&[u8]>, start: &BytesStart<'_>) -> Result<Element, XmpError> {
    let (ns, local) = reader.resolver().resolve_element(start.name());
    let mut element = Element {
        ns: resolved(ns),
        local: local.into_inner().to_owned(),
        ..Element::default()
    };
    for attr in start.attributes() {
        let attr = attr.map_err(|e| XmpError::BadAttribute(e.to_string()))?;
        let key = attr.key.0;
        if key == "xmlns" || key.starts_with("xmlns:") {
            continue;
        }
        let (ns, local) = reader.resolver().resolve_attribute(attr.key);
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| XmpError::BadAttribute(format!("bad value: {e}")))?;
        element.attrs.push((
            resolved(ns),
            local.into_inner().to_owned(),
            value.into_owned(),
        ));
    }
    Ok(element)
}

/// Builds the element tree with an explicit stack (never recursion), and
/// refuses packets deeper than [`MAX_XMP_DEPTH`] or larger than
/// [`MAX_XMP_ELEMENTS`], so that every later walk of the tree is bounded.
fn parse_tree(text: &str) -> Result<Element, XmpError> {
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut elements = 0usize;
    let count = |elements: &mut usize| {
        *elements += 1;
        if *elements > MAX_XMP_ELEMENTS {
            Err(XmpError::TooManyElements)
        } else {
            Ok(())
        }
    };
    loop {
        let event = reader.read_event().map_err(|e| XmpError::NotWellFormed {
            at: reader.buffer_position(),
            reason: e.to_string(),
        })?;
        match event {
            Event::Start(start) => {
                count(&mut elements)?;
                // The document root sits at the bottom of the stack.
                if stack.len() > MAX_XMP_DEPTH {
                    return Err(XmpError::TooDeep);
                }
                let element = element_from(&reader, &start)?;
                stack.push(element);
            }
            Event::Empty(start) => {
                count(&mut elements)?;
                if stack.len() > MAX_XMP_DEPTH {
                    return Err(XmpError::TooDeep);
                }
                let element = element_from(&reader, &start)?;
                stack
                    .last_mut()
                    .ok_or(XmpError::TooManyClosingTags)?
                    .children
                    .push(element);
            }
            Event::End(_) => {
                let done = stack.pop().ok_or(XmpError::TooManyClosingTags)?;
                stack
                    .last_mut()
                    .ok_or(XmpError::TooManyClosingTags)?
                    .children
                    .push(done);
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(c) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&c.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(ch)) => ch.to_string(),
                    Ok(None) => match &*r {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "apos" => "'".into(),
                        "quot" => "\"".into(),
                        other => return Err(XmpError::UnknownEntity(other.to_owned())),
                    },
                    Err(e) => return Err(XmpError::BadCharacterReference(e.to_string())),
                };
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&ch);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(XmpError::Unclosed);
    }
    Ok(stack.pop().unwrap_or_default())
}

/// Scans `xmlns:prefix="uri"` declarations so unknown namespaces keep the
/// document's own prefix in raw tag names.
fn collect_prefixes(text: &str, out: &mut HashMap<String, String>) {
    for decl in text.split("xmlns:").skip(1) {
        let Some((prefix, rest)) = decl.split_once('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let Some(uri) = rest[1..].split(quote).next() else {
            continue;
        };
        out.entry(uri.to_owned())
            .or_insert_with(|| prefix.trim().to_owned());
    }
}

fn find_descriptions<'a>(element: &'a Element, out: &mut Vec<&'a Element>) {
    for child in &element.children {
        if child.is(NS_RDF, "RDF") {
            out.extend(
                child
                    .children
                    .iter()
                    .filter(|c| c.is(NS_RDF, "Description")),
            );
        } else {
            find_descriptions(child, out);
        }
    }
}

/// Attributes that carry RDF syntax, not properties.
fn is_syntax_attr(ns: &str, local: &str) -> bool {
    (ns == NS_RDF
        && matches!(
            local,
            "about" | "ID" | "nodeID" | "parseType" | "resource" | "datatype"
        ))
        || ns == NS_XML
        || ns.is_empty()
}

fn description_properties(description: &Element) -> Vec<XmpProperty> {
    let mut props: Vec<XmpProperty> = description
        .attrs
        .iter()
        .filter(|(ns, local, _)| !is_syntax_attr(ns, local))
        .map(|(ns, local, value)| XmpProperty {
            ns: ns.clone(),
            name: local.clone(),
            value: XmpValue::Simple(value.clone()),
        })
        .collect();
    props.extend(description.children.iter().map(|child| XmpProperty {
        ns: child.ns.clone(),
        name: child.local.clone(),
        value: node_value(child),
    }));
    props
}

/// The value of a property element or an `rdf:li`.
fn node_value(element: &Element) -> XmpValue {
    if let Some(uri) = element.attr(NS_RDF, "resource") {
        return XmpValue::Simple(uri.to_owned());
    }
    if element.attr(NS_RDF, "parseType") == Some("Resource") {
        return XmpValue::Struct(description_properties(element));
    }
    if let Some(container) = element.children.iter().find(|c| c.ns == NS_RDF) {
        return match container.local.as_str() {
            "Bag" | "Seq" => XmpValue::Array(li_values(container)),
            "Alt" => {
                let items: Vec<&Element> = container
                    .children
                    .iter()
                    .filter(|c| c.is(NS_RDF, "li"))
                    .collect();
                if !items.is_empty() && items.iter().all(|li| li.attr(NS_XML, "lang").is_some()) {
                    XmpValue::LangAlt(
                        items
                            .iter()
                            .map(|li| {
                                (
                                    li.attr(NS_XML, "lang").unwrap_or_default().to_owned(),
                                    li.text.clone(),
                                )
                            })
                            .collect(),
                    )
                } else {
                    XmpValue::Array(li_values(container))
                }
            }
            "Description" => XmpValue::Struct(description_properties(container)),
            _ => XmpValue::Simple(element.text.clone()),
        };
    }
    let qualifiers = element
        .attrs
        .iter()
        .any(|(ns, local, _)| !is_syntax_attr(ns, local));
    if !element.children.is_empty() || qualifiers {
        return XmpValue::Struct(description_properties(element));
    }
    XmpValue::Simple(element.text.clone())
}

fn li_values(container: &Element) -> Vec<XmpValue> {
    container
        .children
        .iter()
        .filter(|c| c.is(NS_RDF, "li"))
        .map(node_value)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACKET: &str = r#"<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x='adobe:ns:meta/'>
<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
 <rdf:Description rdf:about='' xmlns:ps='http://ns.adobe.com/photoshop/1.0/'
   ps:City='Mladá Boleslav' ps:DateCreated='1991-06'/>
 <rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'
   xmlns:Iptc4xmpCore='http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/'>
  <dc:title><rdf:Alt><rdf:li xml:lang='cs'>Poslední vlak</rdf:li><rdf:li xml:lang='x-default'>Last train &amp; &#x201C;farewell&#x201D;</rdf:li></rdf:Alt></dc:title>
  <dc:subject><rdf:Bag><rdf:li>Havel, Václav</rdf:li><rdf:li>Советская армия</rdf:li></rdf:Bag></dc:subject>
  <dc:description><rdf:Alt><rdf:li xml:lang='x-default'>line one
line two</rdf:li></rdf:Alt></dc:description>
  <Iptc4xmpCore:CreatorContactInfo rdf:parseType='Resource'>
   <Iptc4xmpCore:CiAdrCity>Praha</Iptc4xmpCore:CiAdrCity>
  </Iptc4xmpCore:CreatorContactInfo>
 </rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end='w'?>"#;

    #[test]
    fn reads_attributes_elements_and_arrays_by_namespace() {
        let xmp = Xmp::parse(PACKET.as_bytes()).unwrap();
        // The file used the prefix "ps"; matching is by namespace URI.
        assert_eq!(
            xmp.text(NS_PHOTOSHOP, "City").as_deref(),
            Some("Mladá Boleslav")
        );
        assert_eq!(
            xmp.text(NS_PHOTOSHOP, "DateCreated").as_deref(),
            Some("1991-06")
        );
        assert_eq!(
            xmp.text(NS_DC, "title").as_deref(),
            Some("Last train & \u{201C}farewell\u{201D}")
        );
        assert_eq!(
            xmp.list(NS_DC, "subject"),
            ["Havel, Václav", "Советская армия"]
        );
        assert_eq!(
            xmp.text(NS_DC, "description").as_deref(),
            Some("line one\nline two")
        );
        let tags = xmp.raw_tags("XMP");
        assert!(tags.contains(&RawTag::new("XMP", "photoshop:City", "Mladá Boleslav")));
        assert!(tags.contains(&RawTag::new("XMP", "dc:title[cs]", "Poslední vlak")));
        assert!(tags.contains(&RawTag::new(
            "XMP",
            "Iptc4xmpCore:CreatorContactInfo/Iptc4xmpCore:CiAdrCity",
            "Praha"
        )));
    }

    #[test]
    fn reads_utf16_packets() {
        let units: Vec<u8> = PACKET
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        let xmp = Xmp::parse(&units).unwrap();
        assert_eq!(xmp.list(NS_DC, "subject").len(), 2);
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(PACKET.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(
            Xmp::parse(&with_bom).unwrap().list(NS_DC, "subject").len(),
            2
        );
    }

    fn nested(depth: usize) -> String {
        format!(
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='{NS_RDF}'>\
             <rdf:Description rdf:about='' xmlns:dc='{NS_DC}'><dc:source>{}x{}</dc:source>\
             </rdf:Description></rdf:RDF></x:xmpmeta>",
            "<a>".repeat(depth),
            "</a>".repeat(depth)
        )
    }

    #[test]
    fn nesting_past_the_limit_is_refused_not_recursed_into() {
        // x:xmpmeta, rdf:RDF, rdf:Description and dc:source are four levels.
        assert!(Xmp::parse(nested(MAX_XMP_DEPTH - 4).as_bytes()).is_ok());
        assert_eq!(
            Xmp::parse(nested(MAX_XMP_DEPTH - 3).as_bytes()).unwrap_err(),
            XmpError::TooDeep
        );
        let err = Xmp::parse(nested(100_000).as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "XMP nests deeper than 64 levels; XMP ignored"
        );
        let many = format!(
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'>{}</x:xmpmeta>",
            "<a/>".repeat(MAX_XMP_ELEMENTS + 1)
        );
        assert_eq!(
            Xmp::parse(many.as_bytes()).unwrap_err(),
            XmpError::TooManyElements
        );
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(Xmp::parse(b"<x:xmpmeta><rdf:RDF>").is_err());
        assert!(Xmp::parse(b"\0\0\0").is_err());
        assert!(Xmp::parse(b"").is_err());
    }
}
