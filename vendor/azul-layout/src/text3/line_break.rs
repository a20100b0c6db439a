//! Soft-wrap opportunities by the Unicode Line Breaking Algorithm
//! (UAX #14), with CSS Text 3's `line-break` and `word-break` tailorings,
//! computed once per paragraph by ICU4X's line segmenter.
//!
//! The greedy breaker used to decide breaks item by item: after a space,
//! around every CJK cluster, after a hyphen. That put a line break before
//! closing punctuation ("）", "。", "、", "」"), after opening punctuation
//! ("（", "「") and before small kana, which Chinese and Japanese
//! typesetting (kinsoku shori) never allow, and it could not see pair rules
//! such as "no break between a number and its % sign". UAX #14 is a rule
//! over the pair of characters on either side of a position (and the spaces
//! between them), so the opportunities are computed over the paragraph's
//! text in one pass and stored per item.

use std::sync::Arc;

use icu_segmenter::options::{LineBreakOptions, LineBreakStrictness as IcuStrictness, LineBreakWordOption};
use icu_segmenter::LineSegmenter;

use super::cache::{
    is_break_opportunity_with_word_break, is_break_suppressing_control,
    is_cjk_break_allowed_by_strictness, is_no_break_space, is_word_separator, BidiDirection,
    ClusterFlags, Hyphens, LineBreakStrictness, ShapedItem, WordBreak,
};

/// For each item of a paragraph, whether a line may break before it.
///
/// Spaces follow the breaker's model rather than UAX #14's letter: a run
/// of collapsible spaces is its own unit, trimmed at either end of a line,
/// so "a break before the spaces" stands for UAX #14's break after them,
/// and is allowed exactly when that one is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakOpportunities(Arc<[bool]>);

impl BreakOpportunities {
    /// Computes the opportunities of `items` (one paragraph, in the order
    /// the breaker walks them).
    ///
    /// UAX #14 decides every boundary between left-to-right content. The
    /// item rules of [`item_rules_break_between`] decide the boundaries it
    /// cannot: around right-to-left clusters (which arrive here in visual
    /// order) and around soft hyphens (whose break is the hyphenation
    /// logic's, governed by `hyphens`).
    #[must_use]
    pub fn compute(
        items: &[ShapedItem],
        word_break: WordBreak,
        hyphens: Hyphens,
        line_break: LineBreakStrictness,
    ) -> Self {
        let (text, starts) = paragraph_text(items);
        let mut options = LineBreakOptions::default();
        options.strictness = Some(icu_strictness(line_break));
        options.word_option = Some(icu_word_option(word_break));
        let segmenter = LineSegmenter::new_for_non_complex_scripts(options);
        // Both sequences ascend, so one merge walk marks every item.
        let mut uax14 = vec![false; items.len()];
        let mut positions = segmenter.segment_str(&text).peekable();
        for (i, &start) in starts.iter().enumerate() {
            while positions.next_if(|&p| p < start).is_some() {}
            uax14[i] = positions.peek() == Some(&start);
        }

        let mut before = vec![false; items.len()];
        for i in 1..items.len() {
            let (prev, item) = (&items[i - 1], &items[i]);
            before[i] = if decided_by_items(prev) || decided_by_items(item) {
                item_rules_break_between(prev, item, word_break, hyphens, line_break)
            } else {
                uax14[i]
            };
        }
        // A forced break is a unit of its own: the breaker ends the line
        // when a unit starts with one (UAX #14 has no break before it, as
        // the line ends after it).
        for (i, item) in items.iter().enumerate() {
            if matches!(item, ShapedItem::Break { .. }) {
                before[i] = i > 0;
                if let Some(next) = before.get_mut(i + 1) {
                    *next = true;
                }
            }
        }
        // A space run: the break before it is the break after it.
        let mut i = 0;
        while i < items.len() {
            if !is_collapsible_space(&items[i]) {
                i += 1;
                continue;
            }
            let end = (i..items.len())
                .find(|&j| !is_collapsible_space(&items[j]))
                .unwrap_or(items.len());
            let after = end == items.len() || before[end];
            for slot in &mut before[i..end] {
                *slot = after;
            }
            i = end;
        }
        Self(before.into())
    }

    /// Whether a line may break before item `index`; `false` past the end.
    #[must_use]
    pub fn before(&self, index: usize) -> bool {
        self.0.get(index).copied().unwrap_or(false)
    }
}

/// The paragraph's text, with each item's starting byte. Items that are
/// not text stand in as the character UAX #14 gives their behaviour: an
/// atomic inline as U+FFFC (class CB: breaks on both sides), a tab as
/// U+0009 (class BA: a break after it), a forced break as U+000A.
fn paragraph_text(items: &[ShapedItem]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(items.len());
    for item in items {
        starts.push(text.len());
        match item {
            ShapedItem::Cluster(c) => text.push_str(c.text()),
            ShapedItem::Tab { .. } => text.push('\t'),
            ShapedItem::Break { .. } => text.push('\n'),
            ShapedItem::Object { .. } | ShapedItem::CombinedBlock { .. } => text.push('\u{FFFC}'),
        }
    }
    (text, starts)
}

/// Items whose boundaries UAX #14 over the visual text cannot decide.
fn decided_by_items(item: &ShapedItem) -> bool {
    match item {
        ShapedItem::Cluster(c) => {
            c.direction == BidiDirection::Rtl
                || c.flags.has(ClusterFlags::SOFT_HYPHEN_START)
                || c.text().is_empty()
        }
        _ => false,
    }
}

fn is_collapsible_space(item: &ShapedItem) -> bool {
    is_word_separator(item) && !is_no_break_space(item)
}

/// The breaker's own rules for the boundary between two items, used where
/// UAX #14 cannot decide (see [`BreakOpportunities::compute`]) and inside
/// the remainder of a hyphenated word: a break around an item that is
/// itself an opportunity (a space, a CJK cluster, a soft hyphen when
/// `hyphens` allows it, a trailing hyphen or slash), unless a joiner glues
/// the two or the strictness forbids a break before the second.
#[must_use]
pub fn item_rules_break_between(
    prev: &ShapedItem,
    item: &ShapedItem,
    word_break: WordBreak,
    hyphens: Hyphens,
    line_break: LineBreakStrictness,
) -> bool {
    let prev_text = cluster_text(prev);
    let item_text = cluster_text(item);
    let glued = prev_text.chars().last().is_some_and(is_break_suppressing_control)
        || item_text.chars().next().is_some_and(is_break_suppressing_control);
    if glued {
        return false;
    }
    if word_break == WordBreak::BreakAll
        && matches!(prev, ShapedItem::Cluster(_))
        && matches!(item, ShapedItem::Cluster(_))
    {
        return true;
    }
    let strictness_allows = item_text
        .chars()
        .next()
        .is_none_or(|ch| is_cjk_break_allowed_by_strictness(ch, None, line_break));
    is_break_opportunity_with_word_break(prev, word_break, hyphens)
        || (strictness_allows && is_break_opportunity_with_word_break(item, word_break, hyphens))
}

fn cluster_text(item: &ShapedItem) -> &str {
    match item {
        ShapedItem::Cluster(c) => c.text(),
        _ => "",
    }
}

/// CSS `line-break: auto` is the UA's choice: the strict set, which is
/// UAX #14's own default and the one that keeps small kana and the
/// prolonged sound mark off the start of a line.
const fn icu_strictness(line_break: LineBreakStrictness) -> IcuStrictness {
    match line_break {
        LineBreakStrictness::Auto | LineBreakStrictness::Strict => IcuStrictness::Strict,
        LineBreakStrictness::Normal => IcuStrictness::Normal,
        LineBreakStrictness::Loose => IcuStrictness::Loose,
        LineBreakStrictness::Anywhere => IcuStrictness::Anywhere,
    }
}

const fn icu_word_option(word_break: WordBreak) -> LineBreakWordOption {
    match word_break {
        WordBreak::Normal => LineBreakWordOption::Normal,
        WordBreak::BreakAll => LineBreakWordOption::BreakAll,
        WordBreak::KeepAll => LineBreakWordOption::KeepAll,
    }
}
