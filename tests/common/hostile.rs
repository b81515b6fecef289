//! Hostile files, made by the tests rather than checked in: deeply nested
//! XMP in every place XMP can hide, progressive JPEGs that repeat a scan
//! thousands of times, PNG text that inflates past any budget, files that
//! are FIFOs, names that are not UTF-8.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;
#[cfg(unix)]
use std::time::Instant;

pub const NS_RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// A small baseline JPEG of `w`x`h` with a pattern (so copies compress
/// differently from a flat colour).
pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x * 7 % 256) as u8,
            (y * 5 % 256) as u8,
            ((x + y) % 256) as u8,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&img)
        .unwrap();
    out
}

/// A progressive JPEG whose last scan is repeated until it has `scans`
/// scans in all: every repeat is one more pass a decoder makes over the
/// whole image.
pub fn progressive_jpeg_with_scans(w: u32, h: u32, scans: usize) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 256) as u8])
    });
    let mut compress = mozjpeg::Compress::new(mozjpeg::ColorSpace::JCS_RGB);
    compress.set_size(w as usize, h as usize);
    compress.set_quality(80.0);
    compress.set_progressive_mode();
    let mut started = compress.start_compress(Vec::new()).unwrap();
    started.write_scanlines(img.as_raw()).unwrap();
    let jpeg = started.finish().unwrap();
    // Find the scans: each runs from its SOS marker to the next marker
    // (other than a restart marker or a stuffed 0xFF00).
    let sos: Vec<usize> = (0..jpeg.len() - 1)
        .filter(|&i| jpeg[i] == 0xFF && jpeg[i + 1] == 0xDA)
        .collect();
    let existing = sos.len();
    assert!(existing > 1, "not progressive");
    let last = *sos.last().unwrap();
    let eoi = jpeg.len() - 2;
    assert_eq!(&jpeg[eoi..], &[0xFF, 0xD9]);
    let scan = &jpeg[last..eoi];
    let mut out = jpeg[..eoi].to_vec();
    for _ in existing..scans {
        out.extend_from_slice(scan);
    }
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

/// A JPEG with one more segment right after its start marker.
pub fn with_segment(jpeg: &[u8], marker: u8, contents: &[u8]) -> Vec<u8> {
    assert!(
        contents.len() <= 65_533,
        "a segment holds at most 65,533 bytes"
    );
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&((contents.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(contents);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A JPEG with an XMP packet in APP1.
pub fn with_xmp(jpeg: &[u8], packet: &str) -> Vec<u8> {
    let mut contents = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    contents.extend_from_slice(packet.as_bytes());
    with_segment(jpeg, 0xE1, &contents)
}

/// A JPEG with Extended XMP chunks (after a main packet pointing at them).
pub fn with_extended_xmp(jpeg: &[u8], main: &str, extension: &[u8]) -> Vec<u8> {
    let guid = b"0123456789ABCDEF0123456789ABCDEF";
    let with_main = with_xmp(jpeg, main);
    // Main XMP first, then the extension's chunks, then the rest.
    let main_end = 4 + u16::from_be_bytes([with_main[4], with_main[5]]) as usize;
    let mut out = with_main[..main_end].to_vec();
    let chunk = 65_000usize;
    for (i, piece) in extension.chunks(chunk).enumerate() {
        let mut contents = b"http://ns.adobe.com/xmp/extension/\0".to_vec();
        contents.extend_from_slice(guid);
        contents.extend_from_slice(&(extension.len() as u32).to_be_bytes());
        contents.extend_from_slice(&((i * chunk) as u32).to_be_bytes());
        contents.extend_from_slice(piece);
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&((contents.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&contents);
    }
    out.extend_from_slice(&with_main[main_end..]);
    out
}

/// One IPTC IIM dataset.
pub fn iim_dataset(record: u8, number: u8, data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1C, record, number];
    if data.len() < 0x8000 {
        out.extend_from_slice(&(data.len() as u16).to_be_bytes());
    } else {
        out.extend_from_slice(&0x8004u16.to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    }
    out.extend_from_slice(data);
    out
}

/// A JPEG with an IPTC IIM block (UTF-8) holding these application
/// datasets, in APP13 Photoshop resources.
pub fn with_iim(jpeg: &[u8], datasets: &[(u8, &[u8])]) -> Vec<u8> {
    let mut iim = iim_dataset(1, 90, b"\x1b%G");
    for (number, data) in datasets {
        iim.extend(iim_dataset(2, *number, data));
    }
    let mut contents = b"Photoshop 3.0\0".to_vec();
    contents.extend_from_slice(b"8BIM\x04\x04\0\0");
    contents.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    contents.extend_from_slice(&iim);
    if iim.len() % 2 == 1 {
        contents.push(0);
    }
    with_segment(jpeg, 0xED, &contents)
}

/// An XMP packet around one `rdf:Description` body.
pub fn xmp_packet(body: &str) -> String {
    format!(
        "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\
         <x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='{NS_RDF}'>\
         <rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' \
         xmlns:lr='http://ns.adobe.com/lightroom/1.0/' \
         xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'>{body}</rdf:Description>\
         </rdf:RDF></x:xmpmeta><?xpacket end='w'?>"
    )
}

/// XMP whose title holds `depth` nested elements.
pub fn deep_xmp(depth: usize) -> String {
    let mut body = String::with_capacity(depth * 8 + 64);
    body.push_str("<dc:source>");
    for _ in 0..depth {
        body.push_str("<a>");
    }
    body.push('x');
    for _ in 0..depth {
        body.push_str("</a>");
    }
    body.push_str("</dc:source>");
    xmp_packet(&body)
}

/// A dc:title as XMP.
pub fn title_xmp(title: &str) -> String {
    xmp_packet(&format!(
        "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>{title}</rdf:li></rdf:Alt></dc:title>"
    ))
}

/// A small PNG.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out
}

/// A PNG with more chunks right after its IHDR chunk.
pub fn png_with_chunks(png: &[u8], chunks: &[Vec<u8>]) -> Vec<u8> {
    let ihdr_end = 8 + 12 + 13;
    let mut out = png[..ihdr_end].to_vec();
    for c in chunks {
        out.extend_from_slice(c);
    }
    out.extend_from_slice(&png[ihdr_end..]);
    out
}

pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A compressed iTXt chunk.
pub fn itxt_compressed(keyword: &str, text: &[u8]) -> Vec<u8> {
    let mut data = keyword.as_bytes().to_vec();
    data.extend_from_slice(&[0, 1, 0, 0, 0]);
    data.extend_from_slice(&zlib(text));
    png_chunk(b"iTXt", &data)
}

/// A zTXt chunk.
pub fn ztxt(keyword: &str, text: &[u8]) -> Vec<u8> {
    ztxt_compressed(keyword, &zlib(text))
}

/// A zTXt chunk of text already compressed.
pub fn ztxt_compressed(keyword: &str, compressed: &[u8]) -> Vec<u8> {
    let mut data = keyword.as_bytes().to_vec();
    data.extend_from_slice(&[0, 0]);
    data.extend_from_slice(compressed);
    png_chunk(b"zTXt", &data)
}

/// A small TIFF (RGB, one strip).
pub fn tiff(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, 40]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(
            &mut std::io::Cursor::new(&mut out),
            image::ImageFormat::Tiff,
        )
        .unwrap();
    out
}

/// A TIFF with an XMP packet in tag 700.
pub fn tiff_with_xmp(packet: &str) -> Vec<u8> {
    kartoteka::export::embed::tiff(&tiff(40, 30), packet, &iim_dataset(2, 5, b"TIFF title"))
        .unwrap()
}

/// Makes a FIFO (named pipe).
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(
        unsafe { libc::mkfifo(c.as_ptr(), 0o644) },
        0,
        "mkfifo {path:?}"
    );
}

/// Runs a command, killing it if it has not finished in `limit` (a hang is
/// then a test failure, not a test that never ends). Its output is read as
/// it comes, so a command that prints much never waits on a full pipe.
#[cfg(unix)]
pub fn run_within(cmd: &mut Command, limit: Duration) -> Output {
    run_measured(cmd, limit).0
}

/// Runs a command as [`run_within`] does, and also returns its peak
/// resident memory in bytes (Linux `ru_maxrss` of that one process).
#[cfg(unix)]
// The child is reaped by `wait4` (which also gives its memory), not `wait`.
#[allow(clippy::zombie_processes)]
pub fn run_measured(cmd: &mut Command, limit: Duration) -> (Output, u64) {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let stdout = std::thread::Builder::new()
        .name("child-stdout".into())
        .spawn(move || {
            let mut v = Vec::new();
            let _ = out.read_to_end(&mut v);
            v
        })
        .unwrap();
    let stderr = std::thread::Builder::new()
        .name("child-stderr".into())
        .spawn(move || {
            let mut v = Vec::new();
            let _ = err.read_to_end(&mut v);
            v
        })
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let started = Instant::now();
    loop {
        let mut status = 0;
        // SAFETY: rusage is plain data that wait4 fills in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waits for our own child, without blocking.
        let reaped = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if reaped == pid {
            let output = Output {
                status: std::process::ExitStatus::from_raw(status),
                stdout: stdout.join().unwrap(),
                stderr: stderr.join().unwrap(),
            };
            return (output, usage.ru_maxrss as u64 * 1024);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            // SAFETY: reaps the child just killed.
            unsafe { libc::waitpid(pid, &mut status, 0) };
            let err = stderr.join().unwrap_or_default();
            panic!(
                "still running after {limit:?}; killed. stderr: {}",
                String::from_utf8_lossy(&err)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
