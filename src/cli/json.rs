//! The JSON shape of a photo on the command line (`show --json`,
//! `list --json`). Scripts depend on these keys; keep them stable.
//!
//! `path` is the file's path; a path that is not valid UTF-8 is given as a
//! `file:///` URI with its bytes percent-encoded, which `show`, `import-csv`
//! and every command taking a path accept back.

use serde::Serialize;

use crate::photo::{Gps, Photo, RawTag};

#[derive(Serialize)]
pub struct PhotoJson<'a> {
    pub id: i64,
    pub path: String,
    pub hash: &'a str,
    pub size: u64,
    pub format: &'static str,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub orientation: Option<u16>,
    pub camera_make: Option<&'a str>,
    pub camera_model: Option<&'a str>,
    pub lens: Option<&'a str>,
    pub taken_at: Option<&'a str>,
    pub digitized_at: Option<&'a str>,
    pub exposure_time: Option<f64>,
    pub f_number: Option<f64>,
    pub iso: Option<u32>,
    pub focal_length: Option<f64>,
    pub gps: Option<Gps>,
    /// Pages in a multi-page file; absent for a file of one image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    pub title: Option<&'a str>,
    pub headline: Option<&'a str>,
    pub caption: Option<&'a str>,
    pub creators: &'a [String],
    pub credit: Option<&'a str>,
    pub copyright: Option<&'a str>,
    pub source: Option<&'a str>,
    pub instructions: Option<&'a str>,
    pub job_id: Option<&'a str>,
    pub sublocation: Option<&'a str>,
    pub city: Option<&'a str>,
    pub state: Option<&'a str>,
    pub country: Option<&'a str>,
    pub country_code: Option<&'a str>,
    pub keywords: &'a [String],
    pub hierarchical_keywords: &'a [String],
    pub people: &'a [String],
    pub event: Option<&'a str>,
    pub date_created: Option<&'a str>,
    pub digital_source_type: Option<&'a str>,
    pub rating: u8,
    pub flag: Option<&'static str>,
    pub label: Option<&'static str>,
    pub note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<TagJson<'a>>>,
}

#[derive(Serialize)]
pub struct TagJson<'a> {
    pub group: &'a str,
    pub name: &'a str,
    pub value: &'a str,
}

impl<'a> PhotoJson<'a> {
    pub fn new(p: &'a Photo, tags: Option<&'a [RawTag]>) -> Self {
        let t = &p.technical;
        let d = &p.description;
        Self {
            id: p.id.0,
            // Exact: a name that is not UTF-8 is a `file:///` URI of its bytes.
            path: crate::export::csv::path_cell(&p.file.path),
            hash: &p.file.hash,
            size: p.file.size,
            format: p.file.format.as_str(),
            width: t.width,
            height: t.height,
            orientation: t.orientation,
            camera_make: t.camera_make.as_deref(),
            camera_model: t.camera_model.as_deref(),
            lens: t.lens.as_deref(),
            taken_at: t.taken_at.as_deref(),
            digitized_at: t.digitized_at.as_deref(),
            exposure_time: t.exposure_time,
            f_number: t.f_number,
            iso: t.iso,
            focal_length: t.focal_length,
            gps: t.gps,
            pages: t.pages,
            title: d.title.as_deref(),
            headline: d.headline.as_deref(),
            caption: d.caption.as_deref(),
            creators: &d.creators,
            credit: d.credit.as_deref(),
            copyright: d.copyright.as_deref(),
            source: d.source.as_deref(),
            instructions: d.instructions.as_deref(),
            job_id: d.job_id.as_deref(),
            sublocation: d.sublocation.as_deref(),
            city: d.city.as_deref(),
            state: d.state.as_deref(),
            country: d.country.as_deref(),
            country_code: d.country_code.as_deref(),
            keywords: &d.keywords,
            hierarchical_keywords: &d.hierarchical_keywords,
            people: &d.people,
            event: d.event.as_deref(),
            date_created: d.date_created.as_deref(),
            digital_source_type: d.digital_source_type.as_deref(),
            rating: p.curation.rating,
            flag: p.curation.flag.map(|f| f.name()),
            label: p.curation.label.map(|l| l.name()),
            note: p.curation.note.as_deref(),
            tags: tags.map(|tags| {
                tags.iter()
                    .map(|t| TagJson {
                        group: &t.group,
                        name: &t.name,
                        value: &t.value,
                    })
                    .collect()
            }),
        }
    }
}
