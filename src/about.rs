//! What the program is and whose work it ships: the one version both front doors print
//! (`petromaks --version`, the window's About dialog) and the licences of the code, data and fonts inside
//! it. The package's copyright file (`packaging/debian/copyright`) says the same at length.

use serde::Serialize;

/// The program's version (the workspace's: the CLI and the window are released together).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One part of the program and the licence it comes under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Credit {
    /// What it is, in the program.
    pub what: &'static str,
    /// Where it comes from.
    pub source: &'static str,
    /// Its licence (SPDX name where there is one).
    pub licence: &'static str,
}

/// Everything the program ships that someone else made, and the program itself.
pub const CREDITS: &[Credit] = &[
    Credit {
        what: "Petromaks",
        source: "the Petromaks authors",
        licence: "MIT",
    },
    Credit {
        what: "Indonesia's administrative areas (provinces, regencies, districts, villages)",
        source:
            "idn-area-data 4.0.1 (npm package idn-area-data), from the Minister of Home Affairs' \
                 regulation on area codes. Contains information from idn-area-data, made available \
                 under the Open Database License (ODbL)",
        licence: "ODbL-1.0",
    },
    Credit {
        what: "National public holidays 2024-2030",
        source: "the Python package holidays 0.108",
        licence: "MIT",
    },
    Credit {
        what: "The certificate fonts (DejaVu Serif Condensed)",
        source: "the DejaVu fonts, derived from Bitstream Vera",
        licence: "Bitstream-Vera (with public-domain changes)",
    },
    Credit {
        what: "The register's database engine",
        source: "SQLite, compiled in",
        licence: "blessing (public domain)",
    },
    Credit {
        what: "The window and the libraries compiled in",
        source: "Tauri and about 400 Rust crates",
        licence:
            "MIT or Apache-2.0 in the main; some BSD-3-Clause, ISC, Zlib, MPL-2.0, Unicode-3.0",
    },
];
