//! What the register does for a screen: the statements a piece of work runs, recorded, and the plan the
//! engine chooses for each (`EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN` on PostgreSQL). The test that keeps
//! every screen off full scans of the big tables reads them; nothing else records.

use super::{Db, Engine, Param, Value};
use crate::Result;

/// One statement as it was run, with its parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Db {
    /// Runs `work` and answers what it answered with every statement it ran on this connection.
    pub fn recording<T>(&self, work: impl FnOnce(&Db) -> Result<T>) -> Result<(T, Vec<Statement>)> {
        let before = self.recorded.replace(Some(Vec::new()));
        let out = work(self);
        let seen = self.recorded.replace(before).unwrap_or_default();
        Ok((out?, seen))
    }

    /// The engine's plan for a statement, one line per step. On the server the planner is told to avoid
    /// sequential scans wherever an index can serve (`enable_seqscan = off`), so on a small test database
    /// a `Seq Scan` left in the plan means no index could.
    pub fn plan(&self, s: &Statement) -> Result<Vec<String>> {
        let params: Vec<&dyn Param> = s.params.iter().map(|v| v as &dyn Param).collect();
        match self.engine() {
            Engine::Sqlite => self.map(&format!("EXPLAIN QUERY PLAN {}", s.sql), &params, |r| {
                r.get(3)
            }),
            Engine::Postgres => {
                self.batch("SET enable_seqscan = off")?;
                let plan = self.map(&format!("EXPLAIN {}", s.sql), &params, |r| r.get(0));
                self.batch("RESET enable_seqscan")?;
                plan
            }
        }
    }
}
