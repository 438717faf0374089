//! From the register to paper: what goes on each document (certificate, receipt), when it may be printed
//! and how often (originals, SALINAN copies, drafts), batches for the van, the signed QR that lets anyone
//! check a permit offline, the printers, and how Indonesian documents write dates and money. The layout
//! itself is the `print` kit's.

pub mod batch;
pub mod batch_screen;
mod certificate;
pub mod format;
mod header;
pub mod printer;
mod receipt;
pub mod verification;

pub use certificate::{certificate_doc, print_certificate, PrintedCertificate, PRINTERS};
pub use header::header;
pub use receipt::{receipt, receipt_doc, register_with_receipt, RegisteredWithReceipt};
