//! Realistic sample documents for the tests and the visual check: a doctor's practice licence from
//! Banyuasin and the receipt for its application, with a drawn coat of arms and pas photo.

use super::{CertificateDoc, ChecklistLine, OfficeHeader, ReceiptDoc, SignatureBlock};

pub(crate) fn header() -> OfficeHeader {
    OfficeHeader {
        government: "PEMERINTAH KABUPATEN BANYUASIN".into(),
        office_name: "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU".into(),
        address_lines: vec![
            "Jalan Lingkar Komplek Perkantoran Pemkab Banyuasin, Pangkalan Balai 30911".into(),
            "Telp. (0711) 7891234, e-mail: dpmptsp@banyuasinkab.go.id, laman: dpmptsp.banyuasinkab.go.id".into(),
        ],
        logo_png: Some(logo_png().into()),
    }
}

pub(crate) fn certificate() -> CertificateDoc {
    CertificateDoc {
        header: header(),
        title: "Surat Izin Praktik Dokter".into(),
        number: "503/0112/SIPD/DPMPTSP/XI/2026".into(),
        legal_basis: vec![
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan;".into(),
            "Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan Undang-Undang Nomor 17 \
             Tahun 2023 tentang Kesehatan;"
                .into(),
            "Peraturan Bupati Banyuasin Nomor 12 Tahun 2023 tentang Pendelegasian Kewenangan Penyelenggaraan \
             Perizinan dan Nonperizinan kepada Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu."
                .into(),
        ],
        intro: "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Banyuasin memberikan \
                Surat Izin Praktik Dokter kepada:"
            .into(),
        holder_name: "dr. Nguyễn Văn Ánh".into(),
        rows: vec![
            ("NIK".into(), "1607014511880003".into()),
            ("Tempat/Tgl Lahir".into(), "Palembang, 5 November 1988".into()),
            (
                "Alamat".into(),
                "Jl. Merdeka No. 12 RT 003 RW 001, Kelurahan Kedondong Raye, Kecamatan Banyuasin III, \
                 Kabupaten Banyuasin"
                    .into(),
            ),
            ("Tempat Praktik".into(), "Klinik Pratama Zoë Ñandú, Jl. Palembang–Betung Km 32, Pangkalan Balai".into()),
            ("Jam Praktik".into(), "Senin s.d. Jumat, pukul 16.00–21.00 WIB".into()),
            ("Nomor STR".into(), "3121100223145678 (berlaku seumur hidup)".into()),
            ("Praktik ke".into(), "Pertama (1)".into()),
        ],
        conditions: vec![
            "Wajib memasang papan nama praktik sesuai ketentuan yang berlaku;".into(),
            "Wajib mematuhi standar profesi, standar pelayanan, dan standar prosedur operasional;".into(),
            "Izin ini tidak berlaku apabila tempat praktik berpindah atau STR tidak berlaku lagi.".into(),
        ],
        validity_line: "Izin ini berlaku sampai dengan tanggal 28 November 2031.".into(),
        signature: SignatureBlock {
            place_line: "Ditetapkan di Pangkalan Balai".into(),
            date_line: "Pada tanggal 28 November 2026".into(),
            title: "KEPALA DINAS PENANAMAN MODAL DAN PTSP\nKABUPATEN BANYUASIN,".into(),
            name: "Drs. H. AHMAD O'NEIL SAPUTRA, M.Si.".into(),
            rank: "Pembina Utama Muda (IV/c)".into(),
            nip_line: "NIP. 19691111 200212 1 002".into(),
        },
        tembusan: vec![
            "Kepala Dinas Kesehatan Kabupaten Banyuasin;".into(),
            "Ketua IDI Cabang Banyuasin;".into(),
            "Yang bersangkutan.".into(),
        ],
        qr_payload: "PTRMKS1|503/0112/SIPD/DPMPTSP/XI/2026|1607014511880003|2026-11-28|2031-11-28|\
                     q7Zk3vR9yX2mLp0aB4cD8eF1gH5jK6nP7sT9uV0wX2yZ3aB4cD5eF6gH7jK8mN9pQ0rS1tU2vW3xY4zA5bC6dE7fG8h"
            .into(),
        qr_caption: "Pindai kode QR ini dengan aplikasi Petromaks untuk memeriksa keaslian surat izin. \
                     Ditandatangani basah; tanda tangan elektronik (TTE) BSrE menyusul."
            .into(),
        mark: None,
        photo_png: Some(photo_png()),
    }
}

pub(crate) fn receipt() -> ReceiptDoc {
    let doc = |label: &str, mandatory, received| ChecklistLine {
        label: label.into(),
        mandatory,
        received,
    };
    ReceiptDoc {
        header: header(),
        title: "Tanda Terima Berkas Permohonan".into(),
        registration_number: "SIPD-20261128-0347".into(),
        rows: vec![
            ("Nama Pemohon".into(), "Zoë Ñandú O'Neil".into()),
            ("NIK".into(), "1607014511880003".into()),
            ("Alamat".into(), "Dusun II RT 004, Desa Sungai Rengit, Kecamatan Talang Kelapa, Kabupaten Banyuasin".into()),
            ("Jenis Izin".into(), "Surat Izin Praktik Dokter (SIPD)".into()),
            ("Jenis Layanan".into(), "Baru".into()),
            ("Saluran".into(), "Antar jemput keliling (LAMPU PETROMAKS), Desa Sungai Rengit".into()),
            ("Diterima".into(), "Sabtu, 28 November 2026 pukul 10.42 WIB".into()),
            ("Perkiraan Selesai".into(), "5 hari kerja sejak berkas dinyatakan lengkap dan benar".into()),
        ],
        checklist_heading: "Kelengkapan Persyaratan".into(),
        checklist: vec![
            doc("Surat permohonan", true, true),
            doc("Fotokopi KTP", true, true),
            doc("Pas foto 4×6 berwarna (2 lembar)", true, true),
            doc("Surat Tanda Registrasi (STR) yang masih berlaku", true, true),
            doc("Rekomendasi Ikatan Dokter Indonesia (IDI) Cabang Banyuasin", true, false),
            doc("Surat pernyataan memiliki tempat praktik", true, true),
            doc("Surat keterangan sehat dari dokter yang memiliki SIP", false, false),
        ],
        notes: vec![
            "Tanda terima ini bukan izin.".into(),
            "Berkas yang belum lengkap dikembalikan kepada pemohon; waktu layanan dihitung sejak berkas \
             dinyatakan lengkap."
                .into(),
            "Simpan tanda terima ini dan tunjukkan saat mengambil izin.".into(),
        ],
        clerk_line: "Petugas Loket,".into(),
        clerk_name: "Siti Rahmawati".into(),
        place_date_line: "Pangkalan Balai, 28 November 2026".into(),
    }
}

/// A stand-in coat of arms: a green shield with a gold border and a gold star.
pub(crate) fn logo_png() -> Vec<u8> {
    let (w, h) = (120_usize, 144_usize);
    png(w, h, |x, y| {
        let (fx, fy) = (x as f32 / w as f32 - 0.5, y as f32 / h as f32);
        let half = if fy < 0.6 {
            0.46
        } else {
            0.46 * (1.0 - (fy - 0.6) / 0.4).max(0.0).sqrt()
        };
        if fx.abs() > half || !(0.02..=0.99).contains(&fy) {
            return [255, 255, 255];
        }
        let edge = half - fx.abs() < 0.05 || fy < 0.07;
        let (dx, dy) = (fx, fy - 0.42);
        let r = (dx * dx + dy * dy).sqrt();
        let angle = dy.atan2(dx) * 5.0 / 2.0;
        let star = r < 0.12 + 0.08 * angle.cos().abs().powf(8.0) && r < 0.2;
        if edge || star {
            [214, 170, 40]
        } else {
            [20, 110, 60]
        }
    })
}

/// A stand-in pas photo: head and shoulders on the red background Indonesian photos use.
pub(crate) fn photo_png() -> Vec<u8> {
    let (w, h) = (160_usize, 240_usize);
    png(w, h, |x, y| {
        let (fx, fy) = (x as f32 - 80.0, y as f32);
        let head = (fx / 38.0).powi(2) + ((fy - 95.0) / 48.0).powi(2) < 1.0;
        let body = fy > 150.0 && (fx / 75.0).powi(2) + ((fy - 240.0) / 85.0).powi(2) < 1.0;
        if head {
            [222, 184, 150]
        } else if body {
            [40, 45, 60]
        } else {
            [200, 30, 35]
        }
    })
}

/// A minimal RGB PNG encoder (stored deflate blocks), so the tests need no image crate.
fn png(w: usize, h: usize, pixel: impl Fn(usize, usize) -> [u8; 3]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(h * (1 + 3 * w));
    for y in 0..h {
        raw.push(0);
        for x in 0..w {
            raw.extend(pixel(x, y));
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend(len.to_le_bytes());
        z.extend((!len).to_le_bytes());
        z.extend(*block);
    }
    let (mut a, mut b) = (1_u32, 0_u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend(((b << 16) | a).to_be_bytes());

    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend((w as u32).to_be_bytes());
    ihdr.extend((h as u32).to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    for (kind, data) in [(b"IHDR", ihdr), (b"IDAT", z), (b"IEND", Vec::new())] {
        out.extend((data.len() as u32).to_be_bytes());
        let mut chunk = kind.to_vec();
        chunk.extend(&data);
        out.extend(&chunk);
        out.extend(crc32(&chunk).to_be_bytes());
    }
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
