//! What an issued permit printed from its permit type, frozen on the case at issue: the catalogue may be
//! edited later (a new regulation, a reworded condition), and a reprint of an issued permit must still say
//! what the signed original said.

use serde::{Deserialize, Serialize};

use crate::db::Db;
use crate::store::cases::CaseId;
use crate::store::permit_types::{FieldDef, PermitType};
use crate::{store, Error, Result};

/// The permit type's printed parts, as they were on the day of issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificateSnapshot {
    pub title: String,
    pub legal_basis: Vec<String>,
    pub conditions: Vec<String>,
    pub tembusan: Vec<String>,
    pub fields: Vec<FieldDef>,
}

impl CertificateSnapshot {
    /// The snapshot of a permit type as it is now.
    pub fn of(t: &PermitType) -> Self {
        CertificateSnapshot {
            title: t.title.clone(),
            legal_basis: t.legal_basis.clone(),
            conditions: t.conditions.clone(),
            tembusan: t.tembusan.clone(),
            fields: t.fields.clone(),
        }
    }

    /// Puts the frozen parts back over a permit type read from today's catalogue.
    pub fn apply(self, t: &mut PermitType) {
        t.title = self.title;
        t.legal_basis = self.legal_basis;
        t.conditions = self.conditions;
        t.tembusan = self.tembusan;
        t.fields = self.fields;
    }

    /// The JSON stored on the case.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string(self)
            .map_err(|e| Error::invalid("certificate_snapshot", e.to_string()))
    }
}

/// The snapshot of a case issued since snapshots exist; `None` for a case not issued (or issued before).
/// A snapshot that does not parse is reported as corrupt, never silently replaced by today's catalogue.
pub fn load(db: &Db, id: CaseId) -> Result<Option<CertificateSnapshot>> {
    store::cases::certificate_snapshot(db, id)?
        .map(|t| {
            serde_json::from_str(&t).map_err(|e| {
                Error::Corrupt(format!(
                    "the certificate snapshot of case {id} is damaged: {e}"
                ))
            })
        })
        .transpose()
}
