//! The permit catalogue: what the office issues, what each permit needs, how fast and for how long, and
//! how its numbers are made. Data an admin edits (`editor`), checked here for both front doors (`types`),
//! with the printed parts of each issued permit frozen on its case (`snapshot`).

pub mod editor;
pub mod numbering;
pub mod snapshot;
mod types;

pub use crate::store::permit_types::{
    FieldDef, FieldKind, NumberReset, PermitType, PermitTypeId, Requirement,
};
pub use types::{active, by_code, get, list, PermitTypeInput};
