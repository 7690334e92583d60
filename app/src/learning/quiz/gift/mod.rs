//! Moodle's GIFT format, read and written (pure). The kinds Bina keeps are read:
//!
//! ```text
//! // true/false
//! ::Q1:: 1+1=2 {T}
//! // one right choice, with feedback
//! What's between orange and green? { =yellow # right ~red # wrong, it's yellow ~blue }
//! // several right choices (weights above zero are right)
//! Who is buried in Grant's tomb? { ~%50%Grant ~%50%Ulysses ~%-100%No one }
//! // short answer (fill in the blank)
//! Two plus {=two =2} equals four.
//! // numbers: value:tolerance, or a range
//! What is a number from 1 to 5? {#3:2}     {#1..5}
//! ```
//!
//! Questions are separated by a blank line; lines starting with `//` and `$CATEGORY:` are
//! skipped; `\~ \= \# \{ \} \:` are the characters themselves. Matching and essay questions,
//! and a text without an answer block, are refused, each with the line it starts on.
//! Partial credit is not kept: Bina counts an answer right or wrong.

mod read;
mod write;

pub use read::{MAX_CHOICES, MAX_TEXT, parse};
pub use write::write;
