//! The synthetic archive the search and desktop benchmarks share: captions
//! in Czech, Slovak, Russian and English, photographers' names with
//! diacritics, a keyword hierarchy, partial depicted dates, ratings, flags
//! and labels, made the same on every machine.

use std::path::Path;
use std::time::Instant;

use kartoteka::catalog::{Catalogue, Edit};
use kartoteka::photo::{
    Attribute, Description, FileInfo, Gps, ImageFormat, PhotoId, PhotoRecord, Technical,
};
use serde_json::Value;

/// A small deterministic generator (xorshift), so every run builds the
/// same archive.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed towards the front: a few photographers and places dominate.
    pub fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub const GARRISONS: &[&str] = &[
    "Milovice",
    "Mladá Boleslav",
    "Olomouc",
    "Bruntál",
    "Zvolen",
    "Sliač",
    "Jeseník",
    "Vysoké Mýto",
    "Frenštát pod Radhoštěm",
    "Hranice",
    "Mimoň",
    "Ralsko",
    "Jičín",
    "Turnov",
    "Vlašim",
    "Lešť",
    "Komárno",
    "Trenčín",
    "Nitra",
    "Michalovce",
    "Rimavská Sobota",
    "Prešov",
    "Sedlec",
    "Hodkovice",
    "Kuřivody",
    "Bílina",
    "Krnov",
    "Šternberk",
    "Libavá",
    "Moravský Beroun",
    "Uničov",
    "Písek",
];

pub const GIVEN: &[&str] = &[
    "Dana",
    "Jiří",
    "Pavel",
    "Ľubomír",
    "Marie",
    "Jan",
    "Věra",
    "Karel",
    "Oldřich",
    "Zdeněk",
    "Jindřich",
    "Markéta",
    "Ladislav",
    "Viktor",
    "Alena",
    "Miroslav",
    "Tomáš",
    "Josef",
    "Ivan",
    "Naďa",
];

pub const FAMILY: &[&str] = &[
    "Kyndrová",
    "Šedivý",
    "Štecha",
    "Jurík",
    "Šechtlová",
    "Dubček",
    "Koudelka",
    "Hájek",
    "Čapek",
    "Švec",
    "Růžička",
    "Kořínek",
    "Dvořák",
    "Novák",
    "Horváth",
    "Kováč",
    "Ševčík",
    "Mlynárik",
    "Petrov",
    "Ivanov",
    "Žáček",
    "Beneš",
    "Chalupa",
    "Procházka",
    "Kučera",
];

pub const SUBJECTS: &[(&str, &str)] = &[
    ("Military", "kasárna"),
    ("Military", "BMP"),
    ("Military", "convoy"),
    ("Military", "parade"),
    ("Military", "tank"),
    ("Military", "Советская армия"),
    ("Military", "officers"),
    ("Military", "barracks"),
    ("Transport", "vlak"),
    ("Transport", "nádraží"),
    ("Transport", "last train"),
    ("Transport", "trucks"),
    ("Civilian", "demonstration"),
    ("Civilian", "farewell"),
    ("Civilian", "children"),
    ("Civilian", "shopping bags"),
    ("Civilian", "flowers"),
    ("Politics", "treaty"),
    ("Politics", "Havel, Václav"),
    ("Politics", "Gorbačov, Michail"),
];

pub const CAPTIONS: &[&str] = &[
    "Odchod sovětských vojsk z posádky {place}, {subject}.",
    "Posledné jednotky opúšťajú {place}: {subject}.",
    "Вывод советских войск, {place}. Армия уходит: {subject}.",
    "Withdrawal of Soviet troops from {place}; {subject} at the garrison.",
    "Soviet soldiers in {place} before the last train, {subject}.",
    "Posádka {place} po odchodu vojsk, {subject}, prázdná kasárna.",
];

fn date(rng: &mut Rng) -> Option<String> {
    let year = if rng.below(10) < 7 {
        1990 + rng.below(2)
    } else {
        1945 + rng.below(56)
    };
    match rng.below(10) {
        0 => None,
        1..=3 => Some(format!("{year}")),
        4..=6 => Some(format!("{year}-{:02}", 1 + rng.below(12))),
        _ => Some(format!(
            "{year}-{:02}-{:02}",
            1 + rng.below(12),
            1 + rng.below(28)
        )),
    }
}

fn record(i: usize, rng: &mut Rng, names: &[String]) -> PhotoRecord {
    let place = GARRISONS[rng.skewed(GARRISONS.len())];
    let (branch, subject) = SUBJECTS[rng.below(SUBJECTS.len())];
    let creator = &names[rng.skewed(names.len())];
    let caption = rng
        .pick(CAPTIONS)
        .replace("{place}", place)
        .replace("{subject}", subject);
    let people: Vec<String> = (0..rng.below(3))
        .map(|_| names[rng.below(names.len())].clone())
        .collect();
    let mut hierarchical = vec![
        format!("Places|Czechoslovakia|{place}"),
        format!("Subjects|{branch}|{subject}"),
    ];
    hierarchical.extend(people.iter().map(|p| format!("People|{p}")));
    let gps = rng.below(5) == 0;
    PhotoRecord {
        file: FileInfo {
            path: format!(
                "/archive/box-{:04}/roll-{:02}/{i:07}.tif",
                i / 1000,
                (i / 36) % 28
            )
            .into(),
            size: 60_000_000,
            mtime_ns: i as i64,
            hash: format!("{i:064x}"),
            format: ImageFormat::Tiff,
            sidecar: None,
        },
        technical: Technical {
            width: Some(6000),
            height: Some(4000),
            orientation: Some(1),
            camera_make: Some("Nikon".into()),
            camera_model: Some(rng.pick(&["Super Coolscan 9000", "D850", "F3"]).into()),
            taken_at: Some(format!(
                "20{:02}-{:02}-{:02}T10:{:02}:05",
                10 + rng.below(10),
                1 + rng.below(12),
                1 + rng.below(28),
                rng.below(60)
            )),
            gps: gps.then(|| Gps {
                lat: 48.0 + rng.below(20_000) as f64 / 10_000.0,
                lon: 13.0 + rng.below(90_000) as f64 / 10_000.0,
                alt: None,
            }),
            ..Technical::default()
        },
        description: Description {
            title: Some(format!("{place}: {subject}")),
            caption: Some(caption),
            creators: vec![creator.clone()],
            credit: (rng.below(4) != 0).then(|| format!("© {creator}")),
            city: Some(place.into()),
            country: Some("Czechoslovakia".into()),
            keywords: vec![subject.into(), place.into()],
            hierarchical_keywords: hierarchical,
            people,
            date_created: date(rng),
            ..Description::default()
        },
        tags: vec![],
        warnings: vec![],
        claims: vec![],
    }
}

/// Makes the archive of `photos` photos at `path` once (see
/// `catalogue_to_make`). `file` may change where each photo's file is and
/// its content hash (which names its thumbnail) before it is stored.
pub fn make(path: &Path, photos: usize, mut file: impl FnMut(usize, &mut FileInfo)) {
    let Some(mut catalogue) = super::catalogue_to_make(path, photos) else {
        return;
    };
    let started = Instant::now();
    let names: Vec<String> = FAMILY
        .iter()
        .flat_map(|f| GIVEN.iter().map(move |g| format!("{g} {f}")))
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut batch = Vec::with_capacity(10_000);
    for i in 0..photos {
        let mut record = record(i, &mut rng, &names);
        file(i, &mut record.file);
        batch.push(record);
        if batch.len() == batch.capacity() {
            catalogue.store_batch(&batch).unwrap();
            batch.clear();
            if (i + 1) % 100_000 == 0 {
                println!(
                    "  {} photos, {:.0} s",
                    i + 1,
                    started.elapsed().as_secs_f64()
                );
            }
        }
    }
    catalogue.store_batch(&batch).unwrap();

    // Curation as an archive accumulates it: a tenth rated, a few picked
    // and labelled, one exhibition set.
    let every = |step: usize, offset: usize| -> Vec<PhotoId> {
        (offset..photos)
            .step_by(step)
            .map(|i| PhotoId(i as i64 + 1))
            .collect()
    };
    let curate = |catalogue: &mut Catalogue, ids: Vec<PhotoId>, attribute, value: &str| {
        for chunk in ids.chunks(20_000) {
            let value = if attribute == Attribute::Rating {
                Value::from(value.parse::<i64>().unwrap())
            } else {
                Value::from(value)
            };
            catalogue
                .edit(chunk, &[Edit::Set(attribute, value)], "edit", false)
                .unwrap();
        }
    };
    for (rating, offset) in [(3, 0), (4, 3), (5, 7)] {
        curate(
            &mut catalogue,
            every(30, offset),
            Attribute::Rating,
            &rating.to_string(),
        );
    }
    curate(&mut catalogue, every(50, 1), Attribute::Flag, "pick");
    curate(&mut catalogue, every(70, 7), Attribute::Label, "red");
    catalogue.create_set("Odchod 1991").unwrap();
    catalogue
        .add_to_set("Odchod 1991", &every(8_000, 11))
        .unwrap();
    println!("  made in {:.0} s", started.elapsed().as_secs_f64());
}
