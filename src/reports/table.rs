//! A report as tables and charts, the one shape every output reads: the PDF draws the tables and the
//! charts, the XLSX writes one sheet per table, the CSV one section per table, and the window draws
//! both with its own labels (each column and series has a stable key). Cells are typed, so a spreadsheet
//! gets numbers as numbers and dates as dates, and each output writes them its own way.

use chrono::NaiveDate;
use serde::Serialize;

/// One cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A measure with a fixed number of decimals (an IKM of 87.50, a median of 3.5 days).
    Num {
        value: f64,
        places: u8,
    },
    /// A share in percent (0–100); `None` when there is nothing to share (no case issued).
    Pct(Option<f64>),
    Date(NaiveDate),
    /// A month, `2026-11`.
    Month(String),
    /// Nothing to show (a median of no case).
    Empty,
}

impl Cell {
    /// A whole-number count.
    pub fn int(n: impl Into<i64>) -> Cell {
        Cell::Int(n.into())
    }

    /// A measure, or [`Cell::Empty`] when there is none.
    pub fn num(v: Option<f64>, places: u8) -> Cell {
        match v {
            Some(value) => Cell::Num { value, places },
            None => Cell::Empty,
        }
    }

    /// A text; nothing written is [`Cell::Empty`], so a spreadsheet gets an empty cell.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// The cell's value as a number, for a chart.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Int(n) => Some(*n as f64),
            Cell::Num { value, .. } => Some(*value),
            Cell::Pct(p) => *p,
            _ => None,
        }
    }
}

/// One column: its key (stable, for the window's labels and the tests), its Indonesian title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub key: &'static str,
    pub title: &'static str,
    /// Numbers are right-aligned.
    pub numeric: bool,
}

/// A text column.
pub const fn text(key: &'static str, title: &'static str) -> Column {
    Column {
        key,
        title,
        numeric: false,
    }
}

/// A number column.
pub const fn num(key: &'static str, title: &'static str) -> Column {
    Column {
        key,
        title,
        numeric: true,
    }
}

/// One row; the total row is set in bold and left out of charts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub total: bool,
}

/// One table of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub key: &'static str,
    pub title: String,
    /// A line under the title (what the table counts, when it is not obvious).
    pub note: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn new(key: &'static str, title: impl Into<String>, columns: Vec<Column>) -> Table {
        Table {
            key,
            title: title.into(),
            note: None,
            columns,
            rows: Vec::new(),
        }
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Table {
        self.note = Some(note.into());
        self
    }

    pub fn push(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row {
            cells,
            total: false,
        });
    }

    pub fn push_total(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row { cells, total: true });
    }

    /// The index of a column by key.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// The cell in the row whose first cell reads `label`, in the column `key` (the tests read figures
    /// this way).
    pub fn cell(&self, label: &str, key: &str) -> Option<&Cell> {
        let c = self.column(key)?;
        self.rows
            .iter()
            .find(|r| matches!(r.cells.first(), Some(Cell::Text(t)) if t == label))
            .and_then(|r| r.cells.get(c))
    }
}

/// How a chart draws its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Horizontal bars, one group per category (a permit type, a district, an element).
    Bars,
    /// A line over the months.
    Line,
}

/// One series of a chart: a column of its table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub key: &'static str,
    pub title: &'static str,
    /// One per category; `None` where there is nothing to draw (an IKM of a month without responses).
    pub values: Vec<Option<f64>>,
}

/// A chart, drawn from the rows of one table (its `table`, shown beside it). At most two series, told
/// apart by shape (solid and outlined bars, a solid and a dashed line with different markers) and named
/// in a legend, never by colour alone; every value is also printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub key: &'static str,
    pub kind: ChartKind,
    pub title: String,
    pub table: &'static str,
    /// The category of each point (a permit type's code, a district, a month).
    pub categories: Vec<Cell>,
    pub series: Vec<Series>,
    /// `%` for shares; the values are printed with it.
    pub unit: Option<&'static str>,
    /// Decimals of the printed values.
    pub places: u8,
}

impl Chart {
    /// A chart of `table`'s non-total rows: categories from column `label`, series from `series` keys.
    pub fn of(
        key: &'static str,
        kind: ChartKind,
        title: impl Into<String>,
        table: &Table,
        label: &str,
        series: &[&'static str],
    ) -> Chart {
        let rows: Vec<&Row> = table.rows.iter().filter(|r| !r.total).collect();
        let li = table.column(label).unwrap_or(0);
        let categories = rows
            .iter()
            .map(|r| r.cells.get(li).cloned().unwrap_or(Cell::Empty))
            .collect();
        let series = series
            .iter()
            .filter_map(|k| {
                let i = table.column(k)?;
                Some(Series {
                    key: k,
                    title: table.columns[i].title,
                    values: rows
                        .iter()
                        .map(|r| r.cells.get(i).and_then(Cell::number))
                        .collect(),
                })
            })
            .collect();
        Chart {
            key,
            kind,
            title: title.into(),
            table: table.key,
            categories,
            series,
            unit: None,
            places: 0,
        }
    }

    pub fn in_percent(mut self, places: u8) -> Chart {
        self.unit = Some("%");
        self.places = places;
        self
    }

    pub fn with_places(mut self, places: u8) -> Chart {
        self.places = places;
        self
    }
}

/// The median of `values` (the mean of the two middle values when their number is even); `None` for
/// none.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// The `p`th percentile by nearest rank: the smallest value with at least `p` % of the values at or
/// below it (`values[ceil(p/100 × n) - 1]` once sorted); `None` for none.
pub fn percentile(values: &mut [f64], p: u32) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let rank = (u64::from(p) * n as u64).div_ceil(100).max(1) as usize;
    Some(values[rank.min(n) - 1])
}

/// A share in percent; `None` of nothing.
pub fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_nearest_rank_percentiles() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
        let mut v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(percentile(&mut v, 90), Some(9.0));
        assert_eq!(percentile(&mut [5.0], 90), Some(5.0));
        let mut v: Vec<f64> = (1..=11).map(f64::from).collect();
        // ceil(0.9 × 11) = 10: the 10th smallest.
        assert_eq!(percentile(&mut v, 90), Some(10.0));
        assert_eq!(share(1, 4), Some(25.0));
        assert_eq!(share(0, 0), None);
    }
}
