//! Focus and tab navigation management.
//!
//! Manages keyboard focus, tab navigation, and programmatic focus changes
//! with a recursive event system for focus/blur callbacks (max depth: 5).

use alloc::collections::{BTreeMap, BTreeSet};

use azul_core::{
    callbacks::{FocusTarget, FocusTargetPath},
    dom::{DomId, DomNodeId, NodeId},
    style::matches_html_element,
    styled_dom::NodeHierarchyItemId,
    window::UpdateFocusWarning,
};

use crate::window::DomLayoutResult;

/// Information about a pending contenteditable focus that needs cursor initialization
/// after layout is complete (W3C "flag and defer" pattern).
///
/// This is set during focus event handling and consumed after layout pass.
#[derive(Copy, Debug, Clone, PartialEq, Eq)]
pub struct PendingContentEditableFocus {
    /// The DOM where the contenteditable element is
    pub dom_id: DomId,
    /// The contenteditable container node that received focus
    pub container_node_id: NodeId,
    /// The text node where the cursor should be placed (often a child of the container)
    pub text_node_id: NodeId,
}

/// Manager for keyboard focus and tab navigation
///
/// Note: Text cursor management is now handled by the separate `CursorManager`.
///
/// The `FocusManager` only tracks which node has focus, while `CursorManager`
/// tracks the cursor position within that node (if it's contenteditable).
///
/// ## W3C Focus/Selection Model
///
/// The W3C model maintains a strict separation between **keyboard focus** and **selection**:
///
/// 1. **Focus** lands on the contenteditable container (`document.activeElement`)
/// 2. **Selection/Cursor** is placed in a descendant text node (`Selection.focusNode`)
///
/// This separation requires a "flag and defer" pattern:
/// - During focus event: Set `cursor_needs_initialization = true`
/// - After layout pass: Call `finalize_pending_focus_changes()` to actually initialize the cursor
///
/// This is necessary because cursor positioning requires text layout information,
/// which isn't available during the focus event handling phase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusManager {
    /// Currently focused node (if any)
    pub focused_node: Option<DomNodeId>,
    /// Pending focus request from callback
    pub pending_focus_request: Option<FocusTarget>,

    /// Whether the CURRENT focus should be indicated visually - the W3C
    /// `:focus-visible` rule.
    ///
    /// Focus and its INDICATION are different questions. A browser rings a
    /// control focused by Tab and does NOT ring one focused by a click or by
    /// `autofocus`: a form that opens with its first field ringed looks like
    /// the user pressed Tab when they did not. The focus ring reads this;
    /// hit-testing, activation and the a11y tree read `focused_node` and do
    /// not care how focus arrived.
    ///
    /// Set by the route that MOVES focus: keyboard navigation sets it, a
    /// pointer click and `autofocus` clear it.
    pub focus_is_visible: bool,

    // --- W3C "flag and defer" pattern fields ---
    /// Flag indicating that cursor initialization is pending (set during focus, consumed after layout)
    pub cursor_needs_initialization: bool,
    /// Information about the pending contenteditable focus
    pub pending_contenteditable_focus: Option<PendingContentEditableFocus>,

    // --- focus-before-first-layout retry queue ---
    /// A [`FocusTarget`] that could not be resolved because no layout existed
    /// yet, kept so it can be re-resolved as soon as one does.
    ///
    /// `resolve_focus_target` used to answer `Ok(None)` with empty
    /// `layout_results`, and every caller read that as "clear focus" — so a programmatic
    /// `set_focus` issued from a `create` callback (which runs BEFORE the first
    /// layout) vanished without a trace, and apps papered over it with a
    /// short timer. Drained by
    /// `LayoutWindow::finalize_pending_focus_changes`, which runs after the
    /// layout pass.
    pub deferred_focus_target: Option<FocusTarget>,
    /// How many times the pending contenteditable focus has been re-armed for
    /// want of a text layout. Bounded so a node that will never have an inline
    /// layout cannot re-arm forever.
    pub pending_focus_retries: u8,

    /// The OTHER seats' focused nodes (9b-ii-a-i-d): seat 0, the primary, IS
    /// `focused_node`; a second seat (X11 MPX master pair, a second Wayland
    /// `wl_seat`) keeps its own here, so two people can edit two fields of
    /// one window - the user's ruling. Absent = that seat focuses nothing.
    /// Key events of a seat target ITS node; click-to-focus and the Tab walk
    /// move ITS entry. The text-edit session, the `:focus` restyle and the
    /// a11y focus stay the primary's (follow-ups, see the ledger).
    pub seat_focus: std::collections::BTreeMap<u64, DomNodeId>,
}

/// How many times [`FocusManager::pending_contenteditable_focus`] may be put
/// back because the text layout was not available yet.
pub const MAX_PENDING_FOCUS_RETRIES: u8 = 2;

/// Outcome of resolving a [`FocusTarget`] — the answer says WHY there is no
/// node, not just that there is none.
///
/// The old shape (`Resolved(Option<DomNodeId>)`) conflated three different
/// answers in `None`: "the app asked to clear focus", "the selector matched
/// nothing", and "the tab order is empty" — and every caller applied all of
/// them as a clear. A focus request that merely MISSED (a selector against a
/// VirtualView that had not materialized yet, a Tab press with nothing
/// tabbable) therefore DESTROYED the current focus/caret as a side effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusResolution {
    /// The target resolved to this node — apply it.
    Resolved(DomNodeId),
    /// The app explicitly asked for no focus (`FocusTarget::NoFocus`) —
    /// apply the clear.
    ClearRequested,
    /// The target matched nothing (unmatched selector, empty tab order,
    /// no layout to search). NOT a clear: callers keep the current focus.
    NotFound,
    /// No layout existed yet, so the target was retained on the
    /// [`FocusManager`] and will be re-resolved after the first layout pass.
    /// Callers must leave the current focus alone.
    Deferred,
}

impl Default for FocusManager {
    fn default() -> Self {
        Self::new()
    }
}

impl FocusManager {
    /// Create a new focus manager
    #[must_use]
    pub const fn new() -> Self {
        Self {
            focused_node: None,
            pending_focus_request: None,
            focus_is_visible: false,
            cursor_needs_initialization: false,
            pending_contenteditable_focus: None,
            deferred_focus_target: None,
            pending_focus_retries: 0,
            seat_focus: std::collections::BTreeMap::new(),
        }
    }

    /// The node seat `seat_id` focuses (9b-ii-a-i-d): the primary's is
    /// `focused_node`, every other seat's its own entry.
    #[must_use]
    pub fn focused_node_for(&self, seat_id: u64) -> Option<DomNodeId> {
        if seat_id == azul_core::window::PRIMARY_POINTER_SEAT {
            self.focused_node
        } else {
            self.seat_focus.get(&seat_id).copied()
        }
    }

    /// Move seat `seat_id`'s focus; `None` clears it. The primary seat is
    /// `set_focused_node`.
    pub fn set_focused_node_for(&mut self, seat_id: u64, node: Option<DomNodeId>) {
        if seat_id == azul_core::window::PRIMARY_POINTER_SEAT {
            self.focused_node = node;
        } else {
            match node {
                Some(n) => {
                    self.seat_focus.insert(seat_id, n);
                }
                None => {
                    self.seat_focus.remove(&seat_id);
                }
            }
        }
    }

    /// Whether seat `seat_id` focuses `node`.
    #[must_use]
    pub fn has_focus_for(&self, seat_id: u64, node: &DomNodeId) -> bool {
        self.focused_node_for(seat_id).as_ref() == Some(node)
    }

    /// Every seat focusing `node`, the primary as seat 0.
    #[must_use]
    pub fn seats_focusing(&self, node: &DomNodeId) -> Vec<u64> {
        let mut seats = Vec::new();
        if self.focused_node.as_ref() == Some(node) {
            seats.push(azul_core::window::PRIMARY_POINTER_SEAT);
        }
        seats.extend(
            self.seat_focus
                .iter()
                .filter(|(_, n)| *n == node)
                .map(|(seat, _)| *seat),
        );
        seats
    }

    /// Get the currently focused node
    #[must_use]
    pub const fn get_focused_node(&self) -> Option<&DomNodeId> {
        self.focused_node.as_ref()
    }

    /// Set the focused node directly (used by event system)
    ///
    /// Note: Cursor initialization/clearing is now handled by `CursorManager`.
    /// The event system should check if the newly focused node is contenteditable
    /// and call `CursorManager::initialize_cursor_at_end()` if needed.
    /// Move focus and say whether it should be INDICATED (see
    /// [`Self::focus_is_visible`]): `true` for keyboard navigation, `false`
    /// for a pointer click or `autofocus`.
    pub const fn set_focused_node_with_visibility(
        &mut self,
        node: Option<DomNodeId>,
        visible: bool,
    ) {
        self.focused_node = node;
        self.focus_is_visible = visible;
    }

    pub const fn set_focused_node(&mut self, node: Option<DomNodeId>) {
        self.focused_node = node;
    }

    /// Request a focus change (to be processed by event system)
    pub fn request_focus_change(&mut self, target: FocusTarget) {
        self.pending_focus_request = Some(target);
    }

    /// Take the pending focus request (one-shot)
    pub const fn take_focus_request(&mut self) -> Option<FocusTarget> {
        self.pending_focus_request.take()
    }

    /// Clear focus
    pub const fn clear_focus(&mut self) {
        self.focused_node = None;
    }

    /// Check if a specific node has focus
    #[must_use]
    pub fn has_focus(&self, node: &DomNodeId) -> bool {
        self.focused_node.as_ref() == Some(node)
    }

    // --- W3C "flag and defer" pattern methods ---

    /// Mark that cursor initialization is needed for a contenteditable element.
    ///
    /// This is called during focus event handling. The actual cursor initialization
    /// happens later in `finalize_pending_focus_changes()` after layout is complete.
    ///
    /// # W3C Conformance
    ///
    /// In the W3C model, when focus lands on a contenteditable element:
    /// 1. The focus event fires on the container element
    /// 2. The browser's editing engine modifies the Selection to place a caret
    /// 3. The Selection's anchorNode/focusNode point to the child text node
    ///
    /// Since we need layout information to position the cursor, we defer step 2+3.
    pub const fn set_pending_contenteditable_focus(
        &mut self,
        dom_id: DomId,
        container_node_id: NodeId,
        text_node_id: NodeId,
    ) {
        self.cursor_needs_initialization = true;
        self.pending_focus_retries = 0;
        self.pending_contenteditable_focus = Some(PendingContentEditableFocus {
            dom_id,
            container_node_id,
            text_node_id,
        });
    }

    /// Put a just-taken pending contenteditable focus BACK because the text
    /// layout it needs did not exist yet. Returns `false` once
    /// [`MAX_PENDING_FOCUS_RETRIES`] is exhausted, in which case the caller
    /// must seed the cursor with whatever it has.
    pub const fn rearm_pending_contenteditable_focus(
        &mut self,
        pending: PendingContentEditableFocus,
    ) -> bool {
        if self.pending_focus_retries >= MAX_PENDING_FOCUS_RETRIES {
            return false;
        }
        self.pending_focus_retries += 1;
        self.cursor_needs_initialization = true;
        self.pending_contenteditable_focus = Some(pending);
        true
    }

    /// Put a just-taken pending contenteditable focus BACK because the whole
    /// DOM's layout result is ABSENT - the funnel takes it out while the pass
    /// runs, the same transient absence `caret_editable_is_focused` tolerates.
    /// Unlike [`Self::rearm_pending_contenteditable_focus`] this does NOT
    /// spend a retry: mid-pass absence is not a failed attempt, and burning
    /// the bounded budget on it locked in the (0,0)+Trailing fallback - the
    /// device caret landing MID-TEXT ('4|2') when tabbing into a filled
    /// NumberInput (2026-08-31).
    pub const fn rearm_pending_contenteditable_focus_transient(
        &mut self,
        pending: PendingContentEditableFocus,
    ) {
        self.cursor_needs_initialization = true;
        self.pending_contenteditable_focus = Some(pending);
    }

    /// Clear the pending contenteditable focus (when focus moves away or is cleared).
    pub const fn clear_pending_contenteditable_focus(&mut self) {
        self.cursor_needs_initialization = false;
        self.pending_focus_retries = 0;
        self.pending_contenteditable_focus = None;
    }

    /// Take the pending contenteditable focus (consumes the flag).
    ///
    /// Returns `Some(info)` if cursor initialization is pending, `None` otherwise.
    /// After calling this, `cursor_needs_initialization` is set to `false`.
    pub const fn take_pending_contenteditable_focus(
        &mut self,
    ) -> Option<PendingContentEditableFocus> {
        if self.cursor_needs_initialization {
            self.cursor_needs_initialization = false;
            self.pending_contenteditable_focus.take()
        } else {
            None
        }
    }

    /// Check if cursor initialization is pending.
    #[must_use]
    pub const fn needs_cursor_initialization(&self) -> bool {
        self.cursor_needs_initialization
    }

    // --- focus-before-first-layout retry queue ---

    /// Retain a focus target that had no layout to resolve against.
    ///
    /// A later request replaces an earlier one: only the most recent
    /// programmatic focus can win once layout arrives, exactly as it would if
    /// both had been resolvable immediately.
    pub fn defer_focus_target(&mut self, target: FocusTarget) {
        self.deferred_focus_target = Some(target);
    }

    /// Whether a focus target is waiting for the first layout.
    #[must_use]
    pub const fn has_deferred_focus_target(&self) -> bool {
        self.deferred_focus_target.is_some()
    }

    /// Take the deferred focus target (one-shot).
    pub const fn take_deferred_focus_target(&mut self) -> Option<FocusTarget> {
        self.deferred_focus_target.take()
    }
}

impl crate::managers::NodeIdRemap for FocusManager {
    /// Remap the focused node AND the pending contenteditable focus.
    ///
    /// Focus on an unmounted node is CLEARED (not kept — the index now denotes a
    /// different element).
    fn remap_node_ids(&mut self, dom_id: DomId, map: &crate::managers::NodeIdMap) {
        // 0. the other seats' focus (9b-ii-a-i-d): the same rule as the
        // primary's - follow the node, clear on an unmounted one.
        self.seat_focus.retain(|_, focused| {
            if focused.dom != dom_id {
                return true;
            }
            match focused
                .node
                .into_crate_internal()
                .and_then(|old| map.resolve(old))
            {
                Some(new_id) => {
                    focused.node = NodeHierarchyItemId::from_crate_internal(Some(new_id));
                    true
                }
                None => false,
            }
        });
        // 1. currently focused node
        if let Some(focused) = self.focused_node {
            if focused.dom == dom_id {
                match focused
                    .node
                    .into_crate_internal()
                    .and_then(|old| map.resolve(old))
                {
                    Some(new_id) => {
                        self.focused_node = Some(DomNodeId {
                            dom: dom_id,
                            node: NodeHierarchyItemId::from_crate_internal(Some(new_id)),
                        });
                    }
                    None => self.focused_node = None,
                }
            }
        }

        // 2. pending contenteditable focus (set during focus handling, consumed
        //    after layout — a DOM rebuild can land in between).
        if let Some(ref mut pending) = self.pending_contenteditable_focus {
            if pending.dom_id != dom_id {
                return;
            }
            if let (Some(container), Some(text)) = (
                map.resolve(pending.container_node_id),
                map.resolve(pending.text_node_id),
            ) {
                pending.container_node_id = container;
                pending.text_node_id = text;
            } else {
                self.pending_contenteditable_focus = None;
                self.cursor_needs_initialization = false;
            }
        }
    }
}

/// MWA-C-focus_cursor: W3C sequential focus order over all DOMs.
///
/// Ordering: nodes with a positive `tabindex` (`TabIndex::OverrideInParent(n)`,
/// n >= 1) come first, ascending by n (stable sort, so document order breaks
/// ties); then all remaining keyboard-focusable nodes (`Auto`,
/// `OverrideInParent(0)`, implicit focusables) in document order.
/// `TabIndex::NoKeyboardFocus` (tabindex=-1) nodes stay focusable by click /
/// API but are NEVER part of the Tab order. The previous linear `NodeId` walk
/// both ignored positive-tabindex ordering and tabbed onto tabindex=-1 nodes.
fn collect_tab_order(
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    out_of_scope: &BTreeSet<DomId>,
) -> Vec<DomNodeId> {
    use azul_core::dom::TabIndex;
    let mut positive: Vec<(u32, DomNodeId)> = Vec::new();
    let mut auto: Vec<DomNodeId> = Vec::new();
    for (dom_id, layout) in layout_results {
        // A DOM that is not part of THIS window's focus scope contributes no
        // tab stops. A transient popup is a separate OS window whose content
        // DOM the PARENT lays out, so without this the parent's Tab order
        // walked straight into the popup - and kept doing so after the popup
        // closed, which stranded the keyboard there (device report,
        // 2026-09-01). Inside the popup's own window that same content is the
        // ROOT dom and hosts no popups, so it stays fully tabbable there.
        if out_of_scope.contains(dom_id) {
            continue;
        }
        // A `<transient-window>`'s SUBTREE is not rendered by this window: it
        // is the template the popup's own window shows, extracted into its own
        // DOM when the popup opens. The parent's copy is never on screen, so
        // it can hold no tab stops - Tab landed on it anyway (a ColorInput has
        // ONE real stop, the swatch, and EIGHT under its transient node), and
        // then arrow keys did nothing because the focused node was the
        // parent's dead copy rather than the live control the popup displays
        // (device report, 2026-09-01).
        let node_data = layout.styled_dom.node_data.as_container();
        let hierarchy = layout.styled_dom.node_hierarchy.as_container();
        let transient_roots: Vec<NodeId> = (0..node_data.len())
            .map(NodeId::new)
            .filter(|n| {
                node_data.get(*n).is_some_and(|nd| {
                    matches!(nd.get_node_type(), azul_core::dom::NodeType::TransientWindow(_))
                })
            })
            .collect();
        let under_transient = |mut n: NodeId| -> bool {
            if transient_roots.is_empty() {
                return false;
            }
            let mut guard = 0usize;
            while let Some(parent) = hierarchy.get(n).and_then(|h| h.parent_id()) {
                guard += 1;
                if guard > 65_536 {
                    break;
                }
                if transient_roots.contains(&parent) {
                    return true;
                }
                n = parent;
            }
            false
        };
        for index in 0..node_data.len() {
            let node_id = NodeId::new(index);
            let Some(nd) = node_data.get(node_id) else {
                continue;
            };
            if !nd.is_focusable() {
                continue;
            }
            if under_transient(node_id) {
                continue;
            }
            let dom_node = FocusSearchContext::make_dom_node_id(*dom_id, node_id);
            match nd.get_tab_index() {
                Some(TabIndex::NoKeyboardFocus) => {}
                Some(TabIndex::OverrideInParent(n)) if n > 0 => positive.push((n, dom_node)),
                _ => auto.push(dom_node),
            }
        }
    }
    order_tab_entries(positive, auto)
}

/// Pure merge of the two tab-order sections (split out for unit testing).
fn order_tab_entries(mut positive: Vec<(u32, DomNodeId)>, auto: Vec<DomNodeId>) -> Vec<DomNodeId> {
    positive.sort_by_key(|(n, _)| *n); // stable: document order within equal n
    positive.into_iter().map(|(_, id)| id).chain(auto).collect()
}

/// Document-order key for a node (DOM index, then arena index) — used to
/// re-enter the tab order from a node that is not itself tab-focusable.
fn doc_order_key(id: &DomNodeId) -> (usize, usize) {
    (
        id.dom.inner,
        id.node.into_crate_internal().map_or(0, |n| n.index()),
    )
}

/// Pick the next / previous entry in `order` relative to `current`.
///
/// If `current` is a tab stop, steps with wrap-around. If it is not (no focus
/// yet, or focus sits on a tabindex=-1 / removed node), forward picks the
/// first tab stop after it in document order (wrapping to the first entry),
/// backward symmetrically.
fn next_in_tab_order(
    order: &[DomNodeId],
    current: Option<DomNodeId>,
    forward: bool,
) -> Option<DomNodeId> {
    if order.is_empty() {
        return None;
    }
    let Some(cur) = current else {
        return if forward {
            order.first().copied()
        } else {
            order.last().copied()
        };
    };
    if let Some(pos) = order.iter().position(|x| *x == cur) {
        let len = order.len();
        let next = if forward {
            (pos + 1) % len
        } else {
            (pos + len - 1) % len
        };
        return Some(order[next]);
    }
    let cur_key = doc_order_key(&cur);
    let candidate = if forward {
        order
            .iter()
            .filter(|x| doc_order_key(x) > cur_key)
            .min_by_key(|x| doc_order_key(x))
    } else {
        order
            .iter()
            .filter(|x| doc_order_key(x) < cur_key)
            .max_by_key(|x| doc_order_key(x))
    };
    candidate.copied().or_else(|| {
        if forward {
            order.first().copied()
        } else {
            order.last().copied()
        }
    })
}

/// Context for focus-target resolution (`Path` / `Id` lookups).
///
/// MWA-C-focus_cursor: the old linear-walk machinery (`SearchDirection`,
/// `search_focusable_node`, `get_*_start`) was replaced by the W3C tab order
/// built in `collect_tab_order`; only the layout lookup helpers remain.
struct FocusSearchContext<'a> {
    /// Reference to all DOM layouts in the window
    layout_results: &'a BTreeMap<DomId, DomLayoutResult>,
}

impl<'a> FocusSearchContext<'a> {
    /// Create a new search context from layout results.
    const fn new(layout_results: &'a BTreeMap<DomId, DomLayoutResult>) -> Self {
        Self { layout_results }
    }

    /// Get the layout for a DOM ID, or return an error if invalid.
    #[allow(clippy::trivially_copy_pass_by_ref)] // <=8B Copy param kept by-ref intentionally (hot pixel/coord path or to avoid churning call sites for a perf-neutral change)
    fn get_layout(&self, dom_id: &DomId) -> Result<&'a DomLayoutResult, UpdateFocusWarning> {
        self.layout_results
            .get(dom_id)
            .ok_or_else(|| UpdateFocusWarning::FocusInvalidDomId(*dom_id))
    }

    /// Construct a `DomNodeId` from DOM and node IDs.
    const fn make_dom_node_id(dom_id: DomId, node_id: NodeId) -> DomNodeId {
        DomNodeId {
            dom: dom_id,
            node: NodeHierarchyItemId::from_crate_internal(Some(node_id)),
        }
    }
}

/// Find the first focusable node matching a CSS path selector.
///
/// Iterates through all nodes in the DOM in document order (index 0..n),
/// and returns the first node that:
///
/// 1. Matches the CSS path selector
/// 2. Is focusable (has `tabindex` or is naturally focusable)
///
/// # Returns
///
/// * `Ok(Some(node))` - Found a matching focusable node
/// * `Ok(None)` - No matching focusable node exists
/// * `Err(_)` - CSS path could not be matched (malformed selector)
#[allow(clippy::trivially_copy_pass_by_ref)] // <=8B Copy param kept by-ref intentionally (hot pixel/coord path or to avoid churning call sites for a perf-neutral change)
fn find_first_matching_focusable_node(
    layout: &DomLayoutResult,
    dom_id: &DomId,
    css_path: &azul_css::css::CssPath,
) -> Option<DomNodeId> {
    let styled_dom = &layout.styled_dom;
    let node_hierarchy = styled_dom.node_hierarchy.as_container();
    let node_data = styled_dom.node_data.as_container();
    let cascade_info = styled_dom.cascade_info.as_container();

    // Iterate through all nodes in document order
    let matching_node = (0..node_data.len())
        .map(NodeId::new)
        .filter(|&node_id| {
            // Check if node matches the CSS path (no pseudo-selector requirement)
            matches_html_element(
                css_path,
                node_id,
                &node_hierarchy,
                &node_data,
                &cascade_info,
                None, // No expected pseudo-selector ending like :hover/:focus
            )
        })
        .find(|&node_id| {
            // Among matching nodes, find first that is focusable
            node_data[node_id].is_focusable()
        });

    matching_node.map(|node_id| DomNodeId {
        dom: *dom_id,
        node: NodeHierarchyItemId::from_crate_internal(Some(node_id)),
    })
}

/// The child DOMs `host` mounts through `VirtualView` items, transitively, in
/// display-list order.
///
/// Read off the host's display list — the same place
/// `headless::resolve_virtual_view_placements` reads it — because that is the
/// only host→child link available to a function that is handed nothing but
/// `layout_results`. Bounded by the number of layout results, so a cyclic or
/// self-referential item cannot spin.
fn nested_dom_ids(layout_results: &BTreeMap<DomId, DomLayoutResult>, host: DomId) -> Vec<DomId> {
    use crate::solver3::display_list::DisplayListItem;

    let mut out: Vec<DomId> = Vec::new();
    let mut queue: Vec<DomId> = vec![host];
    let mut head = 0usize;
    let limit = layout_results.len().saturating_add(1);
    while head < queue.len() && head < limit {
        let current = queue[head];
        head += 1;
        let Some(lr) = layout_results.get(&current) else {
            continue;
        };
        for item in lr.display_list.items.iter() {
            if let DisplayListItem::VirtualView { child_dom_id, .. } = item {
                if *child_dom_id != host && !out.contains(child_dom_id) {
                    out.push(*child_dom_id);
                    queue.push(*child_dom_id);
                }
            }
        }
    }
    out
}

/// Resolve a `FocusTarget`, or QUEUE it when there is no layout to resolve
/// against yet.
///
/// This is the entry point every focus-changing caller should use.
/// [`resolve_focus_target`] used to be unable to tell "nothing matched" from "nothing exists
/// yet": both are `Ok(None)`, and callers apply that as "clear focus". A
/// `set_focus` issued from a `create` callback — which runs before the first
/// layout — was therefore dropped on the floor.
///
/// # Errors
///
/// Returns an `UpdateFocusWarning` if the focus target cannot be resolved.
pub fn resolve_focus_target_or_defer(
    focus_manager: &mut FocusManager,
    focus_target: &FocusTarget,
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    out_of_scope: &BTreeSet<DomId>,
) -> Result<FocusResolution, UpdateFocusWarning> {
    // `NoFocus` means the app WANTS focus cleared; that is answerable without
    // any layout and must not be queued (it would then fire later, clearing a
    // focus the app had meanwhile set).
    if layout_results.is_empty() && !matches!(focus_target, FocusTarget::NoFocus) {
        focus_manager.defer_focus_target(focus_target.clone());
        return Ok(FocusResolution::Deferred);
    }

    let current_focus = focus_manager.get_focused_node().copied();
    resolve_focus_target(focus_target, layout_results, current_focus, out_of_scope)
}

/// Resolve a `FocusTarget` to a [`FocusResolution`] (never `Deferred` —
/// that variant belongs to [`resolve_focus_target_or_defer`], which parks
/// targets that arrive before the first layout).
///
/// # Errors
///
/// Returns an `UpdateFocusWarning` if the focus target names an invalid
/// dom/node.
pub fn resolve_focus_target(
    focus_target: &FocusTarget,
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    current_focus: Option<DomNodeId>,
    out_of_scope: &BTreeSet<DomId>,
) -> Result<FocusResolution, UpdateFocusWarning> {
    use azul_core::callbacks::FocusTarget::{
        Directional, First, Id, Last, Next, NoFocus, Path, Previous,
    };

    // The explicit clear is answerable without any layout and must stay
    // distinguishable from every kind of miss below.
    if matches!(focus_target, NoFocus) {
        return Ok(FocusResolution::ClearRequested);
    }
    if layout_results.is_empty() {
        return Ok(FocusResolution::NotFound);
    }

    let ctx = FocusSearchContext::new(layout_results);

    match focus_target {
        Path(FocusTargetPath { dom, css_path }) => {
            let layout = ctx.get_layout(dom)?;
            if let Some(found) = find_first_matching_focusable_node(layout, dom, css_path) {
                return Ok(FocusResolution::Resolved(found));
            }
            // A `VirtualView` mounts its callback's DOM as a SEPARATE layout
            // result under its own DomId. To the app that subtree is part of
            // the same document — it wrote it, it gets its edit callbacks —
            // but a selector resolved against the HOST dom alone could never
            // see it, so `set_focus_to_path` matched nothing and the caller's
            // focus request was applied as "clear focus".
            //
            // That is why an app whose editable content lives in a VirtualView
            // (AzWriter's page canvas) opened with no caret at all: its
            // startup focus targeted `.mw-doc`, which is a class on the page
            // content root inside the nested dom.
            for nested in nested_dom_ids(layout_results, *dom) {
                let Some(nested_layout) = layout_results.get(&nested) else {
                    continue;
                };
                if let Some(found) =
                    find_first_matching_focusable_node(nested_layout, &nested, css_path)
                {
                    return Ok(FocusResolution::Resolved(found));
                }
            }
            Ok(FocusResolution::NotFound)
        }

        Id(dom_node_id) => {
            let layout = ctx.get_layout(&dom_node_id.dom)?;
            let is_valid = dom_node_id
                .node
                .into_crate_internal()
                .is_some_and(|n| layout.styled_dom.node_data.as_container().get(n).is_some());

            if is_valid {
                Ok(FocusResolution::Resolved(*dom_node_id))
            } else {
                Err(UpdateFocusWarning::FocusInvalidNodeId(dom_node_id.node))
            }
        }

        // MWA-C-focus_cursor: sequential navigation goes through the W3C tab
        // order (positive tabindex ascending, then document order; -1
        // excluded) instead of the old raw-NodeId walk.
        Previous => Ok(next_in_tab_order(
            &collect_tab_order(layout_results, out_of_scope),
            current_focus,
            false,
        )
        .map_or(FocusResolution::NotFound, FocusResolution::Resolved)),

        // Directional (spatial) navigation. Same candidate pool as Tab —
        // `collect_tab_order` already honours tabindex=-1, transient windows
        // and out-of-scope DOMs, and a node that cannot be tabbed to should
        // not be reachable with an arrow key either.
        //
        // Spatial navigation CONTAINERS (9a-i-b, 9a-i-b-i) narrow that pool:
        // the search runs in the innermost container first, then in each
        // container outward, and in the whole document last. That chain is
        // the spec's own shape, so an arrow at the edge of a scroll box or a
        // `contain` panel still escapes it rather than dying there - but a
        // candidate INSIDE the box wins over a nearer one outside.
        Directional(dir) => {
            let all = collect_tab_order(layout_results, out_of_scope);
            let chain = current_focus
                .map(|c| spatial_navigation_containers(layout_results, c))
                .unwrap_or_default();
            let found = chain
                .iter()
                .find_map(|container| {
                    let pool: Vec<DomNodeId> = all
                        .iter()
                        .copied()
                        .filter(|cand| is_within(layout_results, *cand, *container))
                        .collect();
                    next_in_direction(&pool, layout_results, current_focus, *dir)
                })
                .or_else(|| next_in_direction(&all, layout_results, current_focus, *dir));
            Ok(found.map_or(FocusResolution::NotFound, FocusResolution::Resolved))
        }

        Next => Ok(next_in_tab_order(
            &collect_tab_order(layout_results, out_of_scope),
            current_focus,
            true,
        )
        .map_or(FocusResolution::NotFound, FocusResolution::Resolved)),

        First => Ok(collect_tab_order(layout_results, out_of_scope)
            .first()
            .copied()
            .map_or(FocusResolution::NotFound, FocusResolution::Resolved)),

        Last => Ok(collect_tab_order(layout_results, out_of_scope)
            .last()
            .copied()
            .map_or(FocusResolution::NotFound, FocusResolution::Resolved)),

        // Handled by the early return above; kept for match exhaustiveness.
        NoFocus => Ok(FocusResolution::ClearRequested),
    }
}

// Trait Implementations for Event Filtering

impl azul_core::events::FocusManagerQuery for FocusManager {
    fn get_focused_node_for_seat(&self, seat_id: u64) -> Option<DomNodeId> {
        self.focused_node_for(seat_id)
    }

    fn get_focused_node_id(&self) -> Option<DomNodeId> {
        self.focused_node
    }
}

#[cfg(test)]
mod tab_order_tests {
    use super::*;

    #[test]
    fn a_transient_rearm_spends_no_retry_budget() {
        let mut fm = FocusManager::default();
        fm.set_pending_contenteditable_focus(DomId { inner: 0 }, NodeId::new(1), NodeId::new(2));
        for _ in 0..5 {
            let pending = fm.take_pending_contenteditable_focus().expect("armed");
            fm.rearm_pending_contenteditable_focus_transient(pending);
        }
        // The bounded rearm still has its FULL budget afterwards.
        let pending = fm.take_pending_contenteditable_focus().expect("armed");
        assert!(fm.rearm_pending_contenteditable_focus(pending), "retry 1 must be available");
        let pending = fm.take_pending_contenteditable_focus().expect("armed");
        assert!(fm.rearm_pending_contenteditable_focus(pending), "retry 2 must be available");
        let pending = fm.take_pending_contenteditable_focus().expect("armed");
        assert!(!fm.rearm_pending_contenteditable_focus(pending), "budget is 2");
    }

    fn nid(dom: usize, node: usize) -> DomNodeId {
        FocusSearchContext::make_dom_node_id(DomId { inner: dom }, NodeId::new(node))
    }

    #[test]
    fn positive_tabindex_sorts_first_ascending_then_document_order() {
        // Document order: n3 (tabindex=2), n5 (auto), n7 (tabindex=1), n9 (auto)
        let order = order_tab_entries(
            vec![(2, nid(0, 3)), (1, nid(0, 7))],
            vec![nid(0, 5), nid(0, 9)],
        );
        assert_eq!(order, vec![nid(0, 7), nid(0, 3), nid(0, 5), nid(0, 9)]);
    }

    #[test]
    fn equal_positive_tabindex_keeps_document_order() {
        let order = order_tab_entries(vec![(1, nid(0, 2)), (1, nid(0, 8))], vec![]);
        assert_eq!(order, vec![nid(0, 2), nid(0, 8)]);
    }

    #[test]
    fn next_wraps_and_previous_wraps() {
        let order = vec![nid(0, 1), nid(0, 4), nid(0, 6)];
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 6)), true),
            Some(nid(0, 1))
        );
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 1)), false),
            Some(nid(0, 6))
        );
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 4)), true),
            Some(nid(0, 6))
        );
    }

    #[test]
    fn no_focus_starts_at_ends() {
        let order = vec![nid(0, 1), nid(0, 4)];
        assert_eq!(next_in_tab_order(&order, None, true), Some(nid(0, 1)));
        assert_eq!(next_in_tab_order(&order, None, false), Some(nid(0, 4)));
    }

    #[test]
    fn non_tab_stop_focus_reenters_in_document_order() {
        // Focus sits on a tabindex=-1 node (0,5): Tab goes to the next tab
        // stop in document order (0,6); Shift+Tab to the previous one (0,4).
        let order = vec![nid(0, 1), nid(0, 4), nid(0, 6)];
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 5)), true),
            Some(nid(0, 6))
        );
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 5)), false),
            Some(nid(0, 4))
        );
        // Past the last stop: wraps to first / last respectively.
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 9)), true),
            Some(nid(0, 1))
        );
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 0)), false),
            Some(nid(0, 6))
        );
    }

    #[test]
    fn empty_order_yields_none() {
        assert_eq!(next_in_tab_order(&[], Some(nid(0, 1)), true), None);
        assert_eq!(next_in_tab_order(&[], None, false), None);
    }
}

#[cfg(test)]
mod autotest_generated {
    use std::collections::HashMap;

    use azul_core::{
        dom::{Dom, NodeType, TabIndex},
        geom::LogicalRect,
        styled_dom::StyledDom,
    };
    use azul_css::css::{CssPath, CssPathSelector};

    use super::*;
    use crate::{
        managers::{NodeIdMap, NodeIdRemap},
        solver3::{display_list::DisplayList, layout_tree::LayoutTree},
    };

    // ------------------------------------------------------------------
    // Fixtures
    // ------------------------------------------------------------------

    fn dom(inner: usize) -> DomId {
        DomId { inner }
    }

    fn nid(dom_idx: usize, node: usize) -> DomNodeId {
        FocusSearchContext::make_dom_node_id(dom(dom_idx), NodeId::new(node))
    }

    /// A `DomNodeId` whose node slot is the "no node" sentinel (`inner == 0`).
    fn null_nid(dom_idx: usize) -> DomNodeId {
        DomNodeId {
            dom: dom(dom_idx),
            node: NodeHierarchyItemId::from_crate_internal(None),
        }
    }

    /// `DomLayoutResult` with an empty layout tree — every function under test
    /// here reads only `styled_dom`, so no real layout (and no font) is needed.
    fn layout_result(styled_dom: StyledDom) -> DomLayoutResult {
        DomLayoutResult {
            styled_dom,
            layout_tree: LayoutTree {
                nodes: Vec::new(),
                warm: Vec::new(),
                cold: Vec::new(),
                root: 0,
                dom_to_layout: BTreeMap::new(),
                children_arena: Vec::new(),
                children_offsets: Vec::new(),
                subtree_needs_intrinsic: Vec::new(),
            },
            calculated_positions: Vec::new(),
            viewport: LogicalRect::zero(),
            display_list: std::sync::Arc::new(DisplayList::default()),
            scroll_ids: HashMap::new(),
            scroll_id_to_node_id: HashMap::new(),
        }
    }

    /// A host display list that mounts `child` through a `VirtualView` item —
    /// the only host→child link `resolve_focus_target` can read.
    fn virtual_view_display_list(child: DomId) -> DisplayList {
        use azul_core::geom::{LogicalPosition, LogicalSize};

        use crate::solver3::display_list::{DisplayListItem, WindowLogicalRect};

        let bounds =
            WindowLogicalRect::new(LogicalPosition::zero(), LogicalSize::new(100.0, 100.0));
        let mut dl = DisplayList::default();
        dl.items.push(DisplayListItem::VirtualView {
            child_dom_id: child,
            bounds,
            clip_rect: bounds,
            content_offset: LogicalPosition::zero(),
        });
        dl
    }

    fn window(entries: Vec<(DomId, StyledDom)>) -> BTreeMap<DomId, DomLayoutResult> {
        entries
            .into_iter()
            .map(|(id, sd)| (id, layout_result(sd)))
            .collect()
    }

    /// Flat (pre-order) indices of [`tab_fixture`]:
    ///
    /// | idx | node                    | focusable | tab bucket        |
    /// |-----|-------------------------|-----------|-------------------|
    /// | 0   | body                    | no        | —                 |
    /// | 1   | div (plain)             | no        | —                 |
    /// | 2   | button                  | yes       | auto              |
    /// | 3   | div `tabindex=2`        | yes       | positive (n=2)    |
    /// | 4   | div `tabindex=-1`       | yes       | EXCLUDED          |
    /// | 5   | div `tabindex=1`        | yes       | positive (n=1)    |
    /// | 6   | div `tabindex=0`        | yes       | auto              |
    /// | 7   | textarea                | yes       | auto              |
    ///
    /// => tab order `[5, 3, 2, 6, 7]`.
    fn tab_fixture() -> StyledDom {
        StyledDom::create_from_dom(
            Dom::create_body()
                .with_child(Dom::create_div())
                .with_child(Dom::create_node(NodeType::Button))
                .with_child(Dom::create_div().with_tab_index(TabIndex::OverrideInParent(2)))
                .with_child(Dom::create_div().with_tab_index(TabIndex::NoKeyboardFocus))
                .with_child(Dom::create_div().with_tab_index(TabIndex::OverrideInParent(1)))
                .with_child(Dom::create_div().with_tab_index(TabIndex::OverrideInParent(0)))
                .with_child(Dom::create_node(NodeType::TextArea)),
        )
    }

    /// A `<body>` with two buttons, then a contained panel holding two more.
    ///
    /// Flat pre-order indices: 0 body, 1 button, 2 button, 3 panel (the
    /// container), 4 button, 5 button.
    fn contain_fixture(contained: bool) -> StyledDom {
        use azul_css::{
            css::CssPropertyValue,
            props::{property::CssProperty, style::spatial_nav::StyleSpatialNavigationContain},
        };

        let mut panel = azul_core::dom::NodeData::create_div();
        if contained {
            panel.upsert_inline_css_property(CssProperty::SpatialNavigationContain(
                CssPropertyValue::Exact(StyleSpatialNavigationContain::Contain),
            ));
        }
        StyledDom::create_from_dom(
            Dom::create_body()
                .with_child(Dom::create_node(NodeType::Button))
                .with_child(Dom::create_node(NodeType::Button))
                .with_child(
                    Dom::create_from_data(panel)
                        .with_child(Dom::create_node(NodeType::Button))
                        .with_child(Dom::create_node(NodeType::Button)),
                ),
        )
    }

    /// `contain` marks the panel and nothing else, and it is found from a
    /// node INSIDE it - which is the lookup the resolver actually makes.
    #[test]
    fn contain_names_the_panel_and_only_when_declared() {
        let contained = window(vec![(dom(0), contain_fixture(true))]);
        let panel = nid(0, 3);
        let inside = nid(0, 4);

        assert_eq!(
            spatial_navigation_container(&contained, inside),
            Some(panel),
            "a node inside the panel must resolve to the panel",
        );
        // Self-inclusive: the panel is its own container.
        assert_eq!(
            spatial_navigation_container(&contained, panel),
            Some(panel)
        );
        // A sibling OUTSIDE the panel is in no container.
        assert_eq!(spatial_navigation_container(&contained, nid(0, 1)), None);

        // Without the declaration a PLAIN div is still no container: `auto`
        // makes a container of a scroll container and of nothing else.
        let plain = window(vec![(dom(0), contain_fixture(false))]);
        assert_eq!(spatial_navigation_container(&plain, inside), None);
    }

    /// [`contain_fixture`]'s shape with `overflow-y` on the panel instead of
    /// `contain`, so the panel is a container under `auto` only if it is a
    /// scroll container.
    fn scroll_fixture(overflow: azul_css::props::layout::overflow::LayoutOverflow) -> StyledDom {
        use azul_css::{css::CssPropertyValue, props::property::CssProperty};

        let mut panel = azul_core::dom::NodeData::create_div();
        panel.upsert_inline_css_property(CssProperty::OverflowY(CssPropertyValue::Exact(
            overflow,
        )));
        StyledDom::create_from_dom(
            Dom::create_body()
                .with_child(Dom::create_node(NodeType::Button))
                .with_child(Dom::create_node(NodeType::Button))
                .with_child(
                    Dom::create_from_data(panel)
                        .with_child(Dom::create_node(NodeType::Button))
                        .with_child(Dom::create_node(NodeType::Button)),
                ),
        )
    }

    /// `auto` (the initial value) makes a container of a SCROLL CONTAINER -
    /// `css-nav-1`, per the user's ruling (9a-i-b-i) - and `visible` does not.
    #[test]
    fn auto_makes_a_container_of_a_scroll_container_only() {
        use azul_css::props::layout::overflow::LayoutOverflow;

        let panel = nid(0, 3);
        let inside = nid(0, 4);
        for scrolling in [LayoutOverflow::Auto, LayoutOverflow::Scroll, LayoutOverflow::Hidden] {
            let w = window(vec![(dom(0), scroll_fixture(scrolling))]);
            assert_eq!(
                spatial_navigation_container(&w, inside),
                Some(panel),
                "overflow: {scrolling:?} is a scroll container, so a container under auto"
            );
        }
        let w = window(vec![(dom(0), scroll_fixture(LayoutOverflow::Visible))]);
        assert_eq!(spatial_navigation_container(&w, inside), None);
    }

    /// The CHAIN is innermost-first and lists every container on the way up:
    /// body > `contain` panel > scrolling inner box > button.
    ///
    /// Flat pre-order indices: 0 body, 1 outer (contain), 2 inner (overflow),
    /// 3 button.
    #[test]
    fn the_container_chain_runs_innermost_first_to_the_outermost() {
        use azul_css::{
            css::CssPropertyValue,
            props::{
                layout::overflow::LayoutOverflow, property::CssProperty,
                style::spatial_nav::StyleSpatialNavigationContain,
            },
        };

        let mut outer = azul_core::dom::NodeData::create_div();
        outer.upsert_inline_css_property(CssProperty::SpatialNavigationContain(
            CssPropertyValue::Exact(StyleSpatialNavigationContain::Contain),
        ));
        let mut inner = azul_core::dom::NodeData::create_div();
        inner.upsert_inline_css_property(CssProperty::OverflowY(CssPropertyValue::Exact(
            LayoutOverflow::Auto,
        )));
        let sd = StyledDom::create_from_dom(Dom::create_body().with_child(
            Dom::create_from_data(outer).with_child(
                Dom::create_from_data(inner).with_child(Dom::create_node(NodeType::Button)),
            ),
        ));
        let w = window(vec![(dom(0), sd)]);
        assert_eq!(
            spatial_navigation_containers(&w, nid(0, 3)),
            vec![nid(0, 2), nid(0, 1)],
            "innermost (the scroll box) first, then the contain panel; the body is implicit"
        );
        assert_eq!(spatial_navigation_containers(&w, nid(0, 0)), Vec::new());
    }

    /// Containment is a SUBTREE test, not a "same parent" test, and it must
    /// never say yes across DOMs.
    #[test]
    fn is_within_covers_self_descendants_and_rejects_other_trees() {
        let w = window(vec![
            (dom(0), contain_fixture(true)),
            (dom(1), contain_fixture(true)),
        ]);
        let panel = nid(0, 3);

        assert!(is_within(&w, panel, panel), "a container contains itself");
        assert!(is_within(&w, nid(0, 4), panel));
        assert!(is_within(&w, nid(0, 5), panel));
        assert!(!is_within(&w, nid(0, 1), panel), "a sibling is not inside");
        assert!(!is_within(&w, nid(0, 0), panel), "an ancestor is not inside");

        // Same index, different DOM: a VirtualView page is a separate tree and
        // treating it as contained would let the filter admit everything.
        assert!(!is_within(&w, nid(1, 4), panel));
    }

    /// The pool an arrow searches narrows to the container, and WIDENS AGAIN
    /// when nothing inside answers - the spec's move-to-the-parent-container
    /// step. Without the widening, an arrow at the edge of a panel would die
    /// there instead of escaping.
    #[test]
    fn a_contained_arrow_prefers_the_panel_but_can_still_escape() {
        let w = window(vec![(dom(0), contain_fixture(true))]);
        let inside = nid(0, 4);

        let resolved = resolve_focus_target(
            &FocusTarget::Directional(azul_core::callbacks::FocusDirection::Down),
            &w,
            Some(inside),
            &BTreeSet::new(),
        );
        // This fixture has no laid-out boxes, so `next_in_direction` falls
        // back to "the first candidate in the pool" - which is exactly what
        // makes the POOL observable here.
        let Ok(FocusResolution::Resolved(target)) = resolved else {
            panic!("expected a resolution, got {resolved:?}");
        };
        assert!(
            is_within(&w, target, nid(0, 3)),
            "a contained search must land inside the panel, got {target:?}",
        );

        // From OUTSIDE the panel there is no container, so the whole document
        // is in scope and the first tab stop wins.
        let outside = nid(0, 1);
        let resolved = resolve_focus_target(
            &FocusTarget::Directional(azul_core::callbacks::FocusDirection::Down),
            &w,
            Some(outside),
            &BTreeSet::new(),
        );
        let Ok(FocusResolution::Resolved(target)) = resolved else {
            panic!("expected a resolution, got {resolved:?}");
        };
        assert!(
            !is_within(&w, target, nid(0, 3)) || target == nid(0, 3),
            "an uncontained search must not be confined to the panel, got {target:?}",
        );
    }

    fn tab_order_of(fixture: StyledDom) -> Vec<DomNodeId> {
        collect_tab_order(&window(vec![(dom(0), fixture)]), &BTreeSet::new())
    }

    fn class_path(class: &str) -> CssPath {
        CssPath {
            selectors: vec![CssPathSelector::Class(class.to_string().into())].into(),
        }
    }

    // ==================================================================
    // FocusManager — constructor / getters / predicates
    // ==================================================================

    #[test]
    fn focus_manager_new_matches_default_and_is_fully_empty() {
        let fm = FocusManager::new();
        assert_eq!(fm, FocusManager::default());
        assert_eq!(fm.get_focused_node(), None);
        assert!(!fm.needs_cursor_initialization());
        assert_eq!(fm.pending_focus_request, None);
        assert_eq!(fm.pending_contenteditable_focus, None);
        // A default instance must answer every query without panicking.
        assert!(!fm.has_focus(&nid(0, 0)));
        assert!(!fm.has_focus(&null_nid(0)));
    }

    #[test]
    fn seat_focus_is_independent_of_the_primary() {
        // 9b-ii-a-i-d: seat 0 IS `focused_node`; seat 7 keeps its own entry.
        let mut fm = FocusManager::new();
        fm.set_focused_node_for(azul_core::window::PRIMARY_POINTER_SEAT, Some(nid(0, 1)));
        fm.set_focused_node_for(7, Some(nid(0, 2)));
        assert_eq!(fm.get_focused_node(), Some(&nid(0, 1)));
        assert_eq!(fm.focused_node_for(0), Some(nid(0, 1)));
        assert_eq!(fm.focused_node_for(7), Some(nid(0, 2)));
        assert_eq!(fm.focused_node_for(8), None, "an unknown seat focuses nothing");
        assert!(fm.has_focus_for(7, &nid(0, 2)));
        assert!(!fm.has_focus_for(7, &nid(0, 1)));
        assert_eq!(fm.seats_focusing(&nid(0, 2)), vec![7]);
        // Clearing the seat leaves the primary alone, and the other way round.
        fm.set_focused_node_for(7, None);
        assert_eq!(fm.focused_node_for(7), None);
        assert_eq!(fm.focused_node_for(0), Some(nid(0, 1)));
        fm.clear_focus();
        fm.set_focused_node_for(7, Some(nid(0, 3)));
        assert_eq!(fm.focused_node_for(0), None);
        assert_eq!(fm.focused_node_for(7), Some(nid(0, 3)));
    }

    #[test]
    fn seat_focus_follows_a_remap_and_clears_on_an_unmounted_node() {
        let mut fm = FocusManager::new();
        fm.set_focused_node_for(7, Some(nid(0, 5)));
        fm.set_focused_node_for(9, Some(nid(0, 6)));
        fm.remap_node_ids(
            dom(0),
            &NodeIdMap::from_pairs([(NodeId::new(5), NodeId::new(2))]),
        );
        assert_eq!(fm.focused_node_for(7), Some(nid(0, 2)), "followed the node");
        assert_eq!(fm.focused_node_for(9), None, "unmounted: cleared, not kept");
    }

    #[test]
    fn focus_manager_set_get_clear_focus_roundtrip() {
        let mut fm = FocusManager::new();
        fm.set_focused_node(Some(nid(0, 3)));
        assert_eq!(fm.get_focused_node(), Some(&nid(0, 3)));
        assert!(fm.has_focus(&nid(0, 3)));

        // Explicitly setting `None` is equivalent to clearing.
        fm.set_focused_node(None);
        assert_eq!(fm.get_focused_node(), None);

        fm.set_focused_node(Some(nid(0, 3)));
        fm.clear_focus();
        assert_eq!(fm.get_focused_node(), None);
        assert!(!fm.has_focus(&nid(0, 3)));
        // Clearing twice is idempotent, not a panic.
        fm.clear_focus();
        assert_eq!(fm.get_focused_node(), None);
    }

    #[test]
    fn focus_manager_has_focus_discriminates_both_dom_and_node() {
        let mut fm = FocusManager::new();
        fm.set_focused_node(Some(nid(1, 4)));

        assert!(fm.has_focus(&nid(1, 4)));
        // Same node index, different DOM — must NOT be treated as focused.
        assert!(!fm.has_focus(&nid(0, 4)));
        assert!(!fm.has_focus(&nid(2, 4)));
        // Same DOM, different node index.
        assert!(!fm.has_focus(&nid(1, 3)));
        assert!(!fm.has_focus(&nid(1, 5)));
        // The "no node" sentinel must not alias node 0.
        assert!(!fm.has_focus(&null_nid(1)));
    }

    #[test]
    fn focus_manager_has_focus_on_null_node_sentinel_is_exact() {
        // Focusing the sentinel itself: it matches only the sentinel, and in
        // particular is NOT confused with real node index 0 (whose encoded
        // `NodeHierarchyItemId` is 1, not 0).
        let mut fm = FocusManager::new();
        fm.set_focused_node(Some(null_nid(0)));
        assert!(fm.has_focus(&null_nid(0)));
        assert!(!fm.has_focus(&nid(0, 0)));
        assert!(!fm.has_focus(&null_nid(1)));
    }

    #[test]
    fn focus_manager_focus_survives_extreme_node_index() {
        // `NodeHierarchyItemId` encodes `Some(n)` as `n + 1`, so `usize::MAX`
        // itself would overflow the encoding. `usize::MAX - 1` is the largest
        // representable node and must round-trip cleanly.
        let extreme = nid(usize::MAX, usize::MAX - 1);
        let mut fm = FocusManager::new();
        fm.set_focused_node(Some(extreme));
        assert!(fm.has_focus(&extreme));
        assert_eq!(
            fm.get_focused_node()
                .and_then(|n| n.node.into_crate_internal())
                .map(|n| n.index()),
            Some(usize::MAX - 1)
        );
    }

    // ==================================================================
    // FocusManager — pending focus request (one-shot)
    // ==================================================================

    #[test]
    fn focus_manager_take_focus_request_is_one_shot() {
        let mut fm = FocusManager::new();
        // Taking from a fresh manager yields None rather than panicking.
        assert_eq!(fm.take_focus_request(), None);

        fm.request_focus_change(FocusTarget::Next);
        assert_eq!(fm.take_focus_request(), Some(FocusTarget::Next));
        // Consumed — a second take must not replay the request.
        assert_eq!(fm.take_focus_request(), None);
        assert_eq!(fm.take_focus_request(), None);
    }

    #[test]
    fn focus_manager_request_focus_change_overwrites_pending_request() {
        // The field holds a single slot: a second request silently REPLACES the
        // first (requests are not queued). Pin that, so a change to queueing
        // semantics is a deliberate, visible break.
        let mut fm = FocusManager::new();
        fm.request_focus_change(FocusTarget::First);
        fm.request_focus_change(FocusTarget::Last);
        fm.request_focus_change(FocusTarget::NoFocus);
        assert_eq!(fm.take_focus_request(), Some(FocusTarget::NoFocus));
        assert_eq!(fm.take_focus_request(), None);
    }

    #[test]
    fn focus_manager_request_focus_change_accepts_every_variant() {
        let path = FocusTarget::Path(FocusTargetPath {
            dom: dom(usize::MAX),
            css_path: class_path("nonexistent"),
        });
        let targets = vec![
            FocusTarget::Id(nid(0, 0)),
            FocusTarget::Id(null_nid(usize::MAX)),
            path,
            FocusTarget::Previous,
            FocusTarget::Next,
            FocusTarget::First,
            FocusTarget::Last,
            FocusTarget::NoFocus,
        ];
        for t in targets {
            let mut fm = FocusManager::new();
            fm.request_focus_change(t.clone());
            assert_eq!(fm.take_focus_request(), Some(t));
        }
    }

    // ==================================================================
    // FocusManager — W3C "flag and defer" contenteditable state
    // ==================================================================

    #[test]
    fn focus_manager_pending_contenteditable_set_then_take_is_one_shot() {
        let mut fm = FocusManager::new();
        assert!(!fm.needs_cursor_initialization());
        assert_eq!(fm.take_pending_contenteditable_focus(), None);

        fm.set_pending_contenteditable_focus(dom(2), NodeId::new(7), NodeId::new(9));
        assert!(fm.needs_cursor_initialization());

        assert_eq!(
            fm.take_pending_contenteditable_focus(),
            Some(PendingContentEditableFocus {
                dom_id: dom(2),
                container_node_id: NodeId::new(7),
                text_node_id: NodeId::new(9),
            })
        );
        // Flag consumed; a second take must not replay the pending focus.
        assert!(!fm.needs_cursor_initialization());
        assert_eq!(fm.take_pending_contenteditable_focus(), None);
    }

    #[test]
    fn focus_manager_set_pending_contenteditable_overwrites_and_accepts_extremes() {
        let mut fm = FocusManager::new();
        fm.set_pending_contenteditable_focus(dom(0), NodeId::new(1), NodeId::new(2));
        // Extreme ids (and container == text, i.e. a degenerate self-reference)
        // must be stored verbatim without panicking.
        fm.set_pending_contenteditable_focus(
            dom(usize::MAX),
            NodeId::new(usize::MAX),
            NodeId::new(usize::MAX),
        );
        assert_eq!(
            fm.take_pending_contenteditable_focus(),
            Some(PendingContentEditableFocus {
                dom_id: dom(usize::MAX),
                container_node_id: NodeId::new(usize::MAX),
                text_node_id: NodeId::new(usize::MAX),
            })
        );
    }

    #[test]
    fn focus_manager_clear_pending_contenteditable_clears_flag_and_value() {
        let mut fm = FocusManager::new();
        fm.set_pending_contenteditable_focus(dom(0), NodeId::new(1), NodeId::new(2));
        fm.clear_pending_contenteditable_focus();

        assert!(!fm.needs_cursor_initialization());
        assert_eq!(fm.pending_contenteditable_focus, None);
        assert_eq!(fm.take_pending_contenteditable_focus(), None);
        // Clearing an already-clear manager is idempotent.
        fm.clear_pending_contenteditable_focus();
        assert!(!fm.needs_cursor_initialization());
    }

    #[test]
    fn focus_manager_take_pending_without_flag_strands_the_value() {
        // Both fields are `pub`, so the flag and the value can be desynced by a
        // direct field write. `take_pending_contenteditable_focus` gates purely
        // on the FLAG, so a value written without the flag is never handed out
        // and is left stranded in the manager. Pin the (safe, non-panicking)
        // behaviour: no cursor is initialised, and the stale value survives.
        let mut fm = FocusManager::new();
        fm.pending_contenteditable_focus = Some(PendingContentEditableFocus {
            dom_id: dom(0),
            container_node_id: NodeId::new(1),
            text_node_id: NodeId::new(2),
        });

        assert!(!fm.needs_cursor_initialization());
        assert_eq!(fm.take_pending_contenteditable_focus(), None);
        assert!(fm.pending_contenteditable_focus.is_some());
    }

    #[test]
    fn focus_manager_flag_without_value_take_returns_none_and_clears_flag() {
        // The mirror-image desync: flag set, value absent. `take` must report
        // "nothing to do" AND drop the flag, so the caller cannot spin on a
        // permanently-pending initialisation.
        let mut fm = FocusManager::new();
        fm.cursor_needs_initialization = true;

        assert!(fm.needs_cursor_initialization());
        assert_eq!(fm.take_pending_contenteditable_focus(), None);
        assert!(!fm.needs_cursor_initialization());
    }

    #[test]
    fn focus_manager_clear_focus_does_not_clear_pending_cursor_state() {
        // `clear_focus` touches ONLY `focused_node`: the deferred contenteditable
        // cursor request deliberately survives it (callers must call
        // `clear_pending_contenteditable_focus` themselves). Pin this, since a
        // silent change would either leak a cursor into an unfocused node or
        // drop a legitimate deferred cursor.
        let mut fm = FocusManager::new();
        fm.set_focused_node(Some(nid(0, 4)));
        fm.set_pending_contenteditable_focus(dom(0), NodeId::new(4), NodeId::new(5));

        fm.clear_focus();

        assert_eq!(fm.get_focused_node(), None);
        assert!(fm.needs_cursor_initialization());
        assert!(fm.pending_contenteditable_focus.is_some());
    }

    // ==================================================================
    // order_tab_entries / doc_order_key
    // ==================================================================

    #[test]
    fn order_tab_entries_empty_inputs_yield_empty() {
        assert_eq!(order_tab_entries(Vec::new(), Vec::new()), Vec::new());
    }

    #[test]
    fn order_tab_entries_u32_max_sorts_after_smaller_positives() {
        // No overflow / wrap: u32::MAX is just a very large key and must land
        // last among the positives, never first.
        let order = order_tab_entries(
            vec![
                (u32::MAX, nid(0, 1)),
                (1, nid(0, 2)),
                (u32::MAX - 1, nid(0, 3)),
            ],
            vec![nid(0, 4)],
        );
        assert_eq!(
            order,
            vec![nid(0, 2), nid(0, 3), nid(0, 1), nid(0, 4)],
            "u32::MAX must sort last among positives, and all positives before auto"
        );
    }

    #[test]
    fn order_tab_entries_positive_always_precedes_auto() {
        // Even the largest possible positive tabindex outranks every auto entry.
        let order = order_tab_entries(vec![(u32::MAX, nid(9, 99))], vec![nid(0, 0), nid(0, 1)]);
        assert_eq!(order[0], nid(9, 99));
        assert_eq!(order.len(), 3);
    }

    #[test]
    fn order_tab_entries_does_not_deduplicate() {
        // Duplicates are preserved verbatim (the function is a pure merge, not a
        // set builder) — a duplicated entry must not silently vanish.
        let order = order_tab_entries(
            vec![(1, nid(0, 1)), (1, nid(0, 1))],
            vec![nid(0, 2), nid(0, 2)],
        );
        assert_eq!(order, vec![nid(0, 1), nid(0, 1), nid(0, 2), nid(0, 2)]);
    }

    #[test]
    fn doc_order_key_null_node_collides_with_node_index_zero() {
        // `doc_order_key` maps the "no node" sentinel to arena index 0, so it is
        // indistinguishable from real node 0 within the same DOM. Pin the
        // collision: `next_in_tab_order`'s re-entry search relies on this key,
        // and a focus sitting on the sentinel therefore re-enters as if it sat
        // on node 0.
        assert_eq!(doc_order_key(&null_nid(0)), (0, 0));
        assert_eq!(doc_order_key(&nid(0, 0)), (0, 0));
        assert_eq!(doc_order_key(&null_nid(0)), doc_order_key(&nid(0, 0)));
    }

    #[test]
    fn doc_order_key_is_dom_major_then_arena_index() {
        assert_eq!(doc_order_key(&nid(3, 7)), (3, 7));
        // DOM index dominates: a huge node index in DOM 0 still precedes node 0
        // of DOM 1.
        assert!(doc_order_key(&nid(0, usize::MAX - 1)) < doc_order_key(&nid(1, 0)));
        assert_eq!(
            doc_order_key(&nid(usize::MAX, usize::MAX - 1)),
            (usize::MAX, usize::MAX - 1)
        );
    }

    // ==================================================================
    // next_in_tab_order
    // ==================================================================

    #[test]
    fn next_in_tab_order_single_entry_wraps_onto_itself() {
        // `(0 + 1) % 1 == 0` — must terminate on itself, not loop or panic.
        let order = vec![nid(0, 1)];
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 1)), true),
            Some(nid(0, 1))
        );
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 1)), false),
            Some(nid(0, 1))
        );
    }

    #[test]
    fn next_in_tab_order_duplicate_entries_resolve_to_first_position() {
        // `position()` finds the FIRST occurrence, so a duplicated tab stop makes
        // the trailing copy unreachable by stepping. Pin it (a dedup in
        // `collect_tab_order` would change this).
        let order = vec![nid(0, 1), nid(0, 2), nid(0, 1)];
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 1)), true),
            Some(nid(0, 2))
        );
        // Backward from index 0 wraps to the last element.
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 1)), false),
            Some(nid(0, 1))
        );
    }

    #[test]
    fn next_in_tab_order_unknown_current_uses_cross_dom_document_order() {
        // Current node lives in DOM 1; the tab order is split across DOM 0 and 2.
        let order = vec![nid(0, 5), nid(2, 1)];
        assert_eq!(
            next_in_tab_order(&order, Some(nid(1, 0)), true),
            Some(nid(2, 1))
        );
        assert_eq!(
            next_in_tab_order(&order, Some(nid(1, 9)), false),
            Some(nid(0, 5))
        );
    }

    #[test]
    fn next_in_tab_order_unknown_current_past_both_ends_wraps() {
        let order = vec![nid(1, 2), nid(1, 4)];
        // Nothing greater -> wrap to first.
        assert_eq!(
            next_in_tab_order(&order, Some(nid(9, 9)), true),
            Some(nid(1, 2))
        );
        // Nothing smaller -> wrap to last.
        assert_eq!(
            next_in_tab_order(&order, Some(nid(0, 0)), false),
            Some(nid(1, 4))
        );
    }

    #[test]
    fn next_in_tab_order_null_current_node_is_deterministic() {
        // The sentinel keys as (dom, 0); it is not in the order, so the re-entry
        // path runs. It must produce a stable answer, not panic.
        let order = vec![nid(0, 1), nid(0, 3)];
        assert_eq!(
            next_in_tab_order(&order, Some(null_nid(0)), true),
            Some(nid(0, 1))
        );
        assert_eq!(
            next_in_tab_order(&order, Some(null_nid(0)), false),
            Some(nid(0, 3))
        );
    }

    #[test]
    fn next_in_tab_order_empty_order_is_none_for_every_input() {
        assert_eq!(next_in_tab_order(&[], None, true), None);
        assert_eq!(next_in_tab_order(&[], None, false), None);
        assert_eq!(next_in_tab_order(&[], Some(null_nid(0)), true), None);
        assert_eq!(
            next_in_tab_order(&[], Some(nid(usize::MAX, usize::MAX - 1)), false),
            None
        );
    }

    // ==================================================================
    // collect_tab_order
    // ==================================================================

    #[test]
    fn collect_tab_order_empty_window_is_empty() {
        assert_eq!(collect_tab_order(&BTreeMap::new(), &BTreeSet::new()), Vec::new());
    }

    #[test]
    fn collect_tab_order_dom_without_focusables_is_empty() {
        let sd = StyledDom::create_from_dom(
            Dom::create_body()
                .with_child(Dom::create_div())
                .with_child(Dom::create_div()),
        );
        assert_eq!(tab_order_of(sd), Vec::new());
    }

    #[test]
    fn collect_tab_order_positives_first_then_document_order_minus_one_excluded() {
        // See `tab_fixture` doc comment for the expected layout.
        assert_eq!(
            tab_order_of(tab_fixture()),
            vec![nid(0, 5), nid(0, 3), nid(0, 2), nid(0, 6), nid(0, 7)],
            "tabindex=1 then tabindex=2, then auto nodes in document order"
        );
    }

    #[test]
    fn collect_tab_order_excludes_tabindex_minus_one_though_it_is_focusable() {
        // The tabindex=-1 node (index 4) is click/API focusable but must NEVER be
        // a tab stop.
        let order = tab_order_of(tab_fixture());
        assert!(
            !order.contains(&nid(0, 4)),
            "tabindex=-1 must not be a tab stop"
        );
        // ...and the plain, non-focusable div is absent too.
        assert!(!order.contains(&nid(0, 1)));
        // ...while the body itself is never a tab stop.
        assert!(!order.contains(&nid(0, 0)));
    }

    #[test]
    fn collect_tab_order_huge_tabindex_truncates_at_28_bits() {
        // `NodeFlags` packs the tabindex into 28 bits, so:
        //   * tabindex = u32::MAX  -> stored as 2^28-1  -> still POSITIVE
        //   * tabindex = 1 << 28   -> stored as 0       -> demoted to the AUTO
        //                                                  bucket (0 is not > 0)
        // The truncation is silent, so pin the observable ordering consequence.
        //
        // Document order: 1 = u32::MAX, 2 = 1<<28, 3 = tabindex 1, 4 = button.
        let sd = StyledDom::create_from_dom(
            Dom::create_body()
                .with_child(Dom::create_div().with_tab_index(TabIndex::OverrideInParent(u32::MAX)))
                .with_child(Dom::create_div().with_tab_index(TabIndex::OverrideInParent(1 << 28)))
                .with_child(Dom::create_div().with_tab_index(TabIndex::OverrideInParent(1)))
                .with_child(Dom::create_node(NodeType::Button)),
        );

        assert_eq!(
            tab_order_of(sd),
            vec![nid(0, 3), nid(0, 1), nid(0, 2), nid(0, 4)],
            "u32::MAX stays positive (sorts after tabindex=1); 1<<28 truncates to 0 and \
             falls back into the auto bucket behind every positive"
        );
    }

    /// A TRANSIENT POPUP's content DOM contributes NO tab stops to the
    /// parent window's order.
    ///
    /// The parent lays the popup's content out and keeps it in
    /// `layout_results`, so without an explicit scope the parent's Tab walked
    /// straight into the popup - and kept walking into it after the popup had
    /// CLOSED, which stranded the keyboard there: Tab appeared to stop
    /// working entirely (device report, 2026-09-01). Inside the popup's own
    /// window that same content is the ROOT dom and hosts no popups, so its
    /// scope is empty and it stays fully tabbable there.
    /// A `<transient-window>`'s SUBTREE holds no tab stops in the parent.
    ///
    /// The popup's controls live in the PARENT's DOM as children of the
    /// transient node - a ColorInput has ONE real stop (the swatch) and EIGHT
    /// under its transient node - and that copy is never rendered by the
    /// parent window. Tab landed on it anyway, and arrow keys then did
    /// nothing, because the focused node was the parent's dead copy rather
    /// than the live control the popup window shows (device report,
    /// 2026-09-01).
    #[test]
    fn collect_tab_order_skips_everything_under_a_transient_window() {
        use azul_core::dom::{Dom, NodeType, TabIndex};

        let stop = || {
            let mut d = Dom::create_div();
            d.set_tab_index(TabIndex::Auto);
            d
        };
        // body > [ real stop, transient-window > [ hidden stop, hidden stop ] ]
        let sd = StyledDom::create_from_dom(
            Dom::create_body().with_child(stop()).with_child(
                Dom::create_node(NodeType::TransientWindow(Default::default()))
                    .with_child(stop())
                    .with_child(stop()),
            ),
        );

        let order = collect_tab_order(
            &window(vec![(dom(0), sd)]),
            &BTreeSet::new(),
        );
        assert_eq!(
            order,
            vec![nid(0, 1)],
            "only the node OUTSIDE the transient subtree is a tab stop, got {order:?}",
        );
    }

    #[test]
    fn collect_tab_order_skips_doms_outside_this_windows_focus_scope() {
        let results = window(vec![(dom(0), tab_fixture()), (dom(1), tab_fixture())]);

        let both = collect_tab_order(&results, &BTreeSet::new());
        assert!(
            both.iter().any(|n| n.dom == dom(1)),
            "premise: with an empty scope BOTH doms contribute stops",
        );

        // Dom 1 is a popup hosted by this window.
        let popup: BTreeSet<DomId> = [dom(1)].into_iter().collect();
        let parent_only = collect_tab_order(&results, &popup);
        assert!(
            parent_only.iter().all(|n| n.dom == dom(0)),
            "the popup's dom must contribute no tab stops to its parent: {parent_only:?}",
        );
        assert!(
            !parent_only.is_empty(),
            "and the parent's own stops must survive",
        );
    }

    #[test]
    fn collect_tab_order_tab_order_is_global_across_doms() {
        // A positive-tabindex node in DOM 1 must outrank an auto node in DOM 0:
        // the tab order is a single sequence over all DOMs, not per-DOM chunks.
        let order = collect_tab_order(&window(vec![
            (dom(0), tab_fixture()),
            (dom(1), tab_fixture()),
        ]), &BTreeSet::new());

        assert_eq!(
            order,
            vec![
                // positives, ascending; ties broken by DOM then document order
                nid(0, 5),
                nid(1, 5),
                nid(0, 3),
                nid(1, 3),
                // autos, in DOM order then document order
                nid(0, 2),
                nid(0, 6),
                nid(0, 7),
                nid(1, 2),
                nid(1, 6),
                nid(1, 7),
            ]
        );
    }

    // ==================================================================
    // FocusSearchContext
    // ==================================================================

    #[test]
    fn focus_search_context_get_layout_hit_and_miss() {
        let results = window(vec![(dom(0), tab_fixture())]);
        let ctx = FocusSearchContext::new(&results);

        // `DomLayoutResult` is not `PartialEq`, so compare on the error side only.
        assert!(ctx.get_layout(&dom(0)).is_ok());
        assert_eq!(
            ctx.get_layout(&dom(1)).err(),
            Some(UpdateFocusWarning::FocusInvalidDomId(dom(1)))
        );
        assert_eq!(
            ctx.get_layout(&dom(usize::MAX)).err(),
            Some(UpdateFocusWarning::FocusInvalidDomId(dom(usize::MAX)))
        );
    }

    #[test]
    fn focus_search_context_new_on_empty_map_never_resolves() {
        let empty = BTreeMap::new();
        let ctx = FocusSearchContext::new(&empty);
        assert_eq!(
            ctx.get_layout(&dom(0)).err(),
            Some(UpdateFocusWarning::FocusInvalidDomId(dom(0)))
        );
    }

    #[test]
    fn make_dom_node_id_round_trips_including_boundary_index() {
        // encode == decode for 0, a mid value, and the largest encodable index
        // (`usize::MAX` itself would overflow `NodeHierarchyItemId`'s n+1 encoding).
        for idx in [0usize, 1, 42, usize::MAX - 1] {
            let d = FocusSearchContext::make_dom_node_id(dom(7), NodeId::new(idx));
            assert_eq!(d.dom, dom(7));
            assert_eq!(d.node.into_crate_internal(), Some(NodeId::new(idx)));
            assert_eq!(doc_order_key(&d), (7, idx));
        }
    }

    // ==================================================================
    // find_first_matching_focusable_node
    // ==================================================================

    #[test]
    fn find_first_matching_skips_matching_but_unfocusable_nodes() {
        // Node 1 matches `.target` but is NOT focusable; node 2 matches AND is
        // focusable. The first *focusable* match must win.
        let sd = StyledDom::create_from_dom(
            Dom::create_body()
                .with_child(Dom::create_div().with_class("target".to_string().into()))
                .with_child(
                    Dom::create_div()
                        .with_class("target".to_string().into())
                        .with_tab_index(TabIndex::Auto),
                ),
        );
        let results = window(vec![(dom(0), sd)]);
        let layout = results.get(&dom(0)).unwrap();

        assert_eq!(
            find_first_matching_focusable_node(layout, &dom(0), &class_path("target")),
            Some(nid(0, 2))
        );
    }

    #[test]
    fn find_first_matching_empty_css_path_matches_nothing() {
        // A `CssPath` with zero selectors must not vacuously match every node.
        let results = window(vec![(dom(0), tab_fixture())]);
        let layout = results.get(&dom(0)).unwrap();
        let empty = CssPath {
            selectors: Vec::<CssPathSelector>::new().into(),
        };

        assert_eq!(
            find_first_matching_focusable_node(layout, &dom(0), &empty),
            None
        );
    }

    #[test]
    fn find_first_matching_unicode_class_matches_and_misses_cleanly() {
        // Non-ASCII / astral-plane class names must compare by exact string, with
        // no panic and no byte-index slicing surprises.
        let class = "クラス-día-🎯";
        let sd = StyledDom::create_from_dom(
            Dom::create_body().with_child(
                Dom::create_div()
                    .with_class(class.to_string().into())
                    .with_tab_index(TabIndex::Auto),
            ),
        );
        let results = window(vec![(dom(0), sd)]);
        let layout = results.get(&dom(0)).unwrap();

        assert_eq!(
            find_first_matching_focusable_node(layout, &dom(0), &class_path(class)),
            Some(nid(0, 1))
        );
        // A near-miss (same prefix, different suffix) must NOT match.
        assert_eq!(
            find_first_matching_focusable_node(layout, &dom(0), &class_path("クラス-día-🎲")),
            None
        );
        // A huge class name that cannot exist in the DOM also just misses.
        let huge = "x".repeat(10_000);
        assert_eq!(
            find_first_matching_focusable_node(layout, &dom(0), &class_path(&huge)),
            None
        );
    }

    // ==================================================================
    // resolve_focus_target
    // ==================================================================

    #[test]
    fn resolve_focus_target_empty_window_short_circuits_every_variant() {
        // The `layout_results.is_empty()` guard runs BEFORE any validation, so
        // even a structurally invalid target resolves to `Ok(FocusResolution::NotFound)` — never Err,
        // never a panic.
        let empty = BTreeMap::new();
        let targets = vec![
            FocusTarget::Id(nid(usize::MAX, 0)),
            FocusTarget::Id(null_nid(0)),
            FocusTarget::Path(FocusTargetPath {
                dom: dom(usize::MAX),
                css_path: class_path("nope"),
            }),
            FocusTarget::Previous,
            FocusTarget::Next,
            FocusTarget::First,
            FocusTarget::Last,
        ];
        for t in targets {
            assert_eq!(
                resolve_focus_target(&t, &empty, Some(nid(0, 1)), &BTreeSet::new()),
                Ok(FocusResolution::NotFound),
                "empty window must short-circuit {t:?}"
            );
        }
        // The explicit clear stays answerable — and distinguishable — even
        // with no layout at all.
        assert_eq!(
            resolve_focus_target(&FocusTarget::NoFocus, &empty, Some(nid(0, 1)), &BTreeSet::new()),
            Ok(FocusResolution::ClearRequested),
        );
    }

    #[test]
    fn resolve_focus_target_id_rejects_unknown_dom() {
        let results = window(vec![(dom(0), tab_fixture())]);
        assert_eq!(
            resolve_focus_target(&FocusTarget::Id(nid(1, 2)), &results, None, &BTreeSet::new()),
            Err(UpdateFocusWarning::FocusInvalidDomId(dom(1)))
        );
    }

    #[test]
    fn resolve_focus_target_id_rejects_out_of_range_node() {
        // The fixture has 8 nodes (0..=7); anything past the end must be a
        // `FocusInvalidNodeId` error, not a panic and not a silent focus.
        let results = window(vec![(dom(0), tab_fixture())]);
        for idx in [8usize, 9, 1_000_000, usize::MAX - 1] {
            let target = nid(0, idx);
            assert_eq!(
                resolve_focus_target(&FocusTarget::Id(target), &results, None, &BTreeSet::new()),
                Err(UpdateFocusWarning::FocusInvalidNodeId(target.node)),
                "node {idx} is out of range and must be rejected"
            );
        }
    }

    #[test]
    fn resolve_focus_target_id_rejects_null_node_sentinel() {
        let results = window(vec![(dom(0), tab_fixture())]);
        let target = null_nid(0);
        assert_eq!(
            resolve_focus_target(&FocusTarget::Id(target), &results, None, &BTreeSet::new()),
            Err(UpdateFocusWarning::FocusInvalidNodeId(target.node))
        );
    }

    #[test]
    fn resolve_focus_target_id_accepts_valid_but_unfocusable_node() {
        // `Id` checks only that the node EXISTS — programmatic focus deliberately
        // bypasses the focusability check (unlike `Path` and the tab order).
        // Node 0 is the body and node 4 is tabindex=-1: both resolve.
        let results = window(vec![(dom(0), tab_fixture())]);
        assert_eq!(
            resolve_focus_target(&FocusTarget::Id(nid(0, 0)), &results, None, &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 0)))
        );
        assert_eq!(
            resolve_focus_target(&FocusTarget::Id(nid(0, 4)), &results, None, &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 4)))
        );
    }

    #[test]
    fn resolve_focus_target_path_rejects_unknown_dom() {
        let results = window(vec![(dom(0), tab_fixture())]);
        let target = FocusTarget::Path(FocusTargetPath {
            dom: dom(3),
            css_path: class_path("target"),
        });
        assert_eq!(
            resolve_focus_target(&target, &results, None, &BTreeSet::new()),
            Err(UpdateFocusWarning::FocusInvalidDomId(dom(3)))
        );
    }

    #[test]
    fn resolve_focus_target_path_with_no_match_is_ok_none_not_err() {
        // NOTE: the doc comment on `find_first_matching_focusable_node` advertises
        // `Err(_)` for an unmatchable path, but the implementation returns
        // `Ok(FocusResolution::NotFound)`. Pin the IMPLEMENTED behaviour (a miss is not an error);
        // the doc comment is what is wrong here.
        let results = window(vec![(dom(0), tab_fixture())]);
        let target = FocusTarget::Path(FocusTargetPath {
            dom: dom(0),
            css_path: class_path("no-such-class"),
        });
        assert_eq!(resolve_focus_target(&target, &results, None, &BTreeSet::new()), Ok(FocusResolution::NotFound));
    }

    /// A `VirtualView` mounts its DOM under its OWN DomId, so a selector the
    /// app resolves against the host dom must still find it — otherwise an app
    /// whose editable content lives in a VirtualView can never focus it by
    /// path, and the request lands as "clear focus".
    ///
    /// This is AzWriter's startup caret: `set_focus_to_path(ROOT, ".mw-doc")`,
    /// where `.mw-doc` is on the page content root inside the nested dom.
    #[test]
    fn resolve_focus_target_path_reaches_into_a_virtual_views_nested_dom() {
        let host = StyledDom::create_from_dom(Dom::create_body().with_child(Dom::create_div()));
        let mut page = Dom::create_div();
        page.set_contenteditable(true);
        let nested =
            StyledDom::create_from_dom(Dom::create_body().with_child(page.with_ids_and_classes(
                vec![azul_core::dom::IdOrClass::Class("mw-doc".into())].into(),
            )));

        let mut results = window(vec![(dom(0), host), (dom(1), nested)]);
        results.get_mut(&dom(0)).unwrap().display_list =
            std::sync::Arc::new(virtual_view_display_list(dom(1)));

        let target = FocusTarget::Path(FocusTargetPath {
            dom: dom(0),
            css_path: class_path("mw-doc"),
        });
        assert_eq!(
            resolve_focus_target(&target, &results, None, &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(1, 1))),
            "the selector must resolve into the dom the VirtualView mounted; \
             answering None here is applied by every caller as 'clear focus', \
             which is why the editor opened with no caret"
        );
    }

    #[test]
    fn resolve_focus_target_path_still_prefers_the_host_dom_over_a_nested_one() {
        // Both doms carry `.target`; the host's match wins, so adding the
        // nested search cannot steal a focus that already resolved.
        let host = StyledDom::create_from_dom(
            Dom::create_body().with_child(
                Dom::create_div()
                    .with_tab_index(TabIndex::Auto)
                    .with_ids_and_classes(
                        vec![azul_core::dom::IdOrClass::Class("target".into())].into(),
                    ),
            ),
        );
        let nested = StyledDom::create_from_dom(
            Dom::create_body().with_child(
                Dom::create_div()
                    .with_tab_index(TabIndex::Auto)
                    .with_ids_and_classes(
                        vec![azul_core::dom::IdOrClass::Class("target".into())].into(),
                    ),
            ),
        );
        let mut results = window(vec![(dom(0), host), (dom(1), nested)]);
        results.get_mut(&dom(0)).unwrap().display_list =
            std::sync::Arc::new(virtual_view_display_list(dom(1)));

        let target = FocusTarget::Path(FocusTargetPath {
            dom: dom(0),
            css_path: class_path("target"),
        });
        assert_eq!(
            resolve_focus_target(&target, &results, None, &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 1)))
        );
    }

    #[test]
    fn resolve_focus_target_no_focus_is_an_explicit_clear() {
        let results = window(vec![(dom(0), tab_fixture())]);
        assert_eq!(
            resolve_focus_target(&FocusTarget::NoFocus, &results, Some(nid(0, 5)), &BTreeSet::new()),
            Ok(FocusResolution::ClearRequested),
            "the app's explicit clear must stay distinguishable from a miss"
        );
    }

    #[test]
    fn resolve_focus_target_first_and_last_are_the_tab_order_ends() {
        let results = window(vec![(dom(0), tab_fixture())]);
        // Tab order is [5, 3, 2, 6, 7].
        assert_eq!(
            resolve_focus_target(&FocusTarget::First, &results, None, &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 5))),
            "First must be the lowest positive tabindex, not document node 0"
        );
        assert_eq!(
            resolve_focus_target(&FocusTarget::Last, &results, None, &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 7)))
        );
        // `current_focus` must not influence First/Last.
        assert_eq!(
            resolve_focus_target(&FocusTarget::First, &results, Some(nid(0, 7)), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 5)))
        );
    }

    #[test]
    fn resolve_focus_target_first_and_last_on_unfocusable_dom_are_none() {
        let sd = StyledDom::create_from_dom(Dom::create_body().with_child(Dom::create_div()));
        let results = window(vec![(dom(0), sd)]);
        assert_eq!(
            resolve_focus_target(&FocusTarget::First, &results, None, &BTreeSet::new()),
            Ok(FocusResolution::NotFound)
        );
        assert_eq!(
            resolve_focus_target(&FocusTarget::Last, &results, None, &BTreeSet::new()),
            Ok(FocusResolution::NotFound)
        );
        assert_eq!(
            resolve_focus_target(&FocusTarget::Next, &results, None, &BTreeSet::new()),
            Ok(FocusResolution::NotFound)
        );
        assert_eq!(
            resolve_focus_target(&FocusTarget::Previous, &results, Some(nid(0, 0)), &BTreeSet::new()),
            Ok(FocusResolution::NotFound)
        );
    }

    #[test]
    fn resolve_focus_target_next_and_previous_wrap_around_the_tab_order() {
        let results = window(vec![(dom(0), tab_fixture())]);
        // Tab order [5, 3, 2, 6, 7]: stepping off either end wraps.
        assert_eq!(
            resolve_focus_target(&FocusTarget::Next, &results, Some(nid(0, 7)), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 5)))
        );
        assert_eq!(
            resolve_focus_target(&FocusTarget::Previous, &results, Some(nid(0, 5)), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 7)))
        );
        // ...and step normally in the middle.
        assert_eq!(
            resolve_focus_target(&FocusTarget::Next, &results, Some(nid(0, 3)), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 2)))
        );
        assert_eq!(
            resolve_focus_target(&FocusTarget::Previous, &results, Some(nid(0, 2)), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 3)))
        );
    }

    #[test]
    fn resolve_focus_target_next_from_a_non_tab_stop_reenters_in_document_order() {
        let results = window(vec![(dom(0), tab_fixture())]);
        // Focus sits on the tabindex=-1 node (index 4), which is NOT in the tab
        // order. Shift+Tab must fall back to document order and land on node 3
        // (the nearest preceding tab stop by DOCUMENT position), NOT on the tab
        // order's neighbour of any element.
        assert_eq!(
            resolve_focus_target(&FocusTarget::Previous, &results, Some(nid(0, 4)), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 3)))
        );
        // Focus on the plain, non-focusable div (index 1): Tab goes to the next
        // tab stop in DOCUMENT order (node 2, the button) — not to the tab
        // order's first entry (node 5).
        assert_eq!(
            resolve_focus_target(&FocusTarget::Next, &results, Some(nid(0, 1)), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 2)))
        );
    }

    #[test]
    fn resolve_focus_target_next_from_a_stale_removed_node_never_panics() {
        // Focus left over from a previous DOM whose node index no longer exists:
        // resolution must still yield a valid tab stop rather than panic.
        let results = window(vec![(dom(0), tab_fixture())]);
        let stale = nid(0, 9_999);
        assert_eq!(
            resolve_focus_target(&FocusTarget::Next, &results, Some(stale), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 5))),
            "no tab stop past node 9999 -> wrap to the first"
        );
        // A stale node in a DOM that isn't even mounted.
        let alien = nid(5, 1);
        assert_eq!(
            resolve_focus_target(&FocusTarget::Next, &results, Some(alien), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 5)))
        );
        assert_eq!(
            resolve_focus_target(&FocusTarget::Previous, &results, Some(alien), &BTreeSet::new()),
            Ok(FocusResolution::Resolved(nid(0, 7)))
        );
    }

    // ==================================================================
    // NodeIdRemap
    // ==================================================================

    #[test]
    fn remap_rewrites_the_focused_node() {
        let mut fm = FocusManager::new();
        fm.set_focused_node(Some(nid(0, 5)));
        fm.remap_node_ids(
            dom(0),
            &NodeIdMap::from_pairs([(NodeId::new(5), NodeId::new(2))]),
        );
        assert_eq!(fm.get_focused_node(), Some(&nid(0, 2)));
    }

    #[test]
    fn remap_clears_focus_on_an_unmounted_node() {
        // The node vanished from the rebuilt DOM: keeping the stale index would
        // silently focus a DIFFERENT element, so focus must be dropped.
        let mut fm = FocusManager::new();
        fm.set_focused_node(Some(nid(0, 5)));
        fm.remap_node_ids(
            dom(0),
            &NodeIdMap::from_pairs([(NodeId::new(1), NodeId::new(1))]),
        );
        assert_eq!(fm.get_focused_node(), None);
    }

    #[test]
    fn remap_leaves_other_doms_untouched() {
        let mut fm = FocusManager::new();
        fm.set_focused_node(Some(nid(1, 5)));
        // Remapping DOM 0 must not disturb focus that lives in DOM 1.
        fm.remap_node_ids(
            dom(0),
            &NodeIdMap::from_pairs([(NodeId::new(5), NodeId::new(2))]),
        );
        assert_eq!(fm.get_focused_node(), Some(&nid(1, 5)));
    }

    #[test]
    fn remap_rewrites_pending_contenteditable_focus() {
        let mut fm = FocusManager::new();
        fm.set_pending_contenteditable_focus(dom(0), NodeId::new(3), NodeId::new(4));
        fm.remap_node_ids(
            dom(0),
            &NodeIdMap::from_pairs([
                (NodeId::new(3), NodeId::new(10)),
                (NodeId::new(4), NodeId::new(11)),
            ]),
        );
        assert!(fm.needs_cursor_initialization());
        assert_eq!(
            fm.take_pending_contenteditable_focus(),
            Some(PendingContentEditableFocus {
                dom_id: dom(0),
                container_node_id: NodeId::new(10),
                text_node_id: NodeId::new(11),
            })
        );
    }

    #[test]
    fn remap_partially_resolvable_pending_focus_drops_it_entirely() {
        // Container survives the rebuild but the text node does not (or vice
        // versa): keeping half of the pair would place a cursor in the wrong
        // node, so BOTH the value and the flag must be dropped.
        for pairs in [
            vec![(NodeId::new(3), NodeId::new(10))], // text node unmapped
            vec![(NodeId::new(4), NodeId::new(11))], // container unmapped
            vec![],                                  // neither survives
        ] {
            let mut fm = FocusManager::new();
            fm.set_pending_contenteditable_focus(dom(0), NodeId::new(3), NodeId::new(4));
            fm.remap_node_ids(dom(0), &NodeIdMap::from_pairs(pairs));

            assert!(!fm.needs_cursor_initialization());
            assert_eq!(fm.pending_contenteditable_focus, None);
        }
    }
}

/// Every spatial navigation container on the way up from `from`, INNERMOST
/// FIRST - the chain `css-nav-1` searches outward through (9a-i-b-i).
///
/// A node is a container when it declares `spatial-navigation-contain:
/// contain`, or - under `auto`, the initial value - when it is a SCROLL
/// CONTAINER (`overflow` other than `visible`/`clip` on either axis). That is
/// the spec's rule, and the user's ruling (2026-09-03) after 9a-i-a had held
/// it back. The document itself is the outermost container and is not
/// listed: the caller falls back to the whole candidate pool after the chain,
/// so an arrow at the edge of the innermost box still escapes it.
///
/// Self-inclusive: `contain` on the focused node, or a focused scroll
/// container, counts as its own innermost container.
fn spatial_navigation_containers(
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    from: DomNodeId,
) -> Vec<DomNodeId> {
    use azul_css::props::style::spatial_nav::StyleSpatialNavigationContain;

    use crate::solver3::getters::{
        get_overflow_x, get_overflow_y, get_spatial_navigation_contain, MultiValue,
    };

    let mut chain = Vec::new();
    let Some(lr) = layout_results.get(&from.dom) else {
        return chain;
    };
    let hierarchy = lr.styled_dom.node_hierarchy.as_container();
    let states = lr.styled_dom.styled_nodes.as_container();
    let Some(mut node) = from.node.into_crate_internal() else {
        return chain;
    };
    // Bounded by the node count: a corrupt hierarchy whose parent chain loops
    // must not hang the event loop, and a valid chain can never be longer.
    for _ in 0..hierarchy.internal.len().saturating_add(1) {
        if let Some(sn) = states.get(node) {
            let state = &sn.styled_node_state;
            let is_container = match get_spatial_navigation_contain(&lr.styled_dom, node, state)
            {
                MultiValue::Exact(StyleSpatialNavigationContain::Contain) => true,
                // `auto`, and unset (whose initial value is `auto`): a
                // container exactly when the box is a scroll container.
                _ => {
                    get_overflow_x(&lr.styled_dom, node, state).is_scroll_container()
                        || get_overflow_y(&lr.styled_dom, node, state).is_scroll_container()
                }
            };
            if is_container {
                chain.push(DomNodeId {
                    dom: from.dom,
                    node: NodeHierarchyItemId::from_crate_internal(Some(node)),
                });
            }
        }
        match hierarchy.get(node).and_then(|h| h.parent_id()) {
            Some(parent) => node = parent,
            None => break,
        }
    }
    chain
}

/// The INNERMOST spatial navigation container of `from`, if any - the first
/// entry of [`spatial_navigation_containers`].
fn spatial_navigation_container(
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    from: DomNodeId,
) -> Option<DomNodeId> {
    spatial_navigation_containers(layout_results, from)
        .first()
        .copied()
}

/// Is `candidate` inside `container` (or the container itself)?
///
/// Cross-DOM candidates are never inside: a containing panel and a
/// `VirtualView`'s child document are different trees, and treating a node in
/// another DOM as contained would let the filter admit everything.
fn is_within(
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    candidate: DomNodeId,
    container: DomNodeId,
) -> bool {
    if candidate.dom != container.dom {
        return false;
    }
    let (Some(cand), Some(cont)) = (
        candidate.node.into_crate_internal(),
        container.node.into_crate_internal(),
    ) else {
        return false;
    };
    if cand == cont {
        return true;
    }
    let Some(lr) = layout_results.get(&candidate.dom) else {
        return false;
    };
    let hierarchy = lr.styled_dom.node_hierarchy.as_container();
    cand.get_nearest_matching_parent(&hierarchy, |n| n == cont)
        .is_some()
}

/// Find the focusable nearest to `current` in `dir`.
///
/// The rule is the one `css-nav-1` describes and every TV framework
/// re-implements: consider only candidates that lie in the requested
/// direction, then pick the closest — where "closest" weights movement ALONG
/// the axis you asked for much more heavily than drift across it.
///
/// That weighting is the whole algorithm. Plain Euclidean distance picks
/// diagonal neighbours over the obvious one directly to the side, so pressing
/// Right in a grid walks diagonally down the screen. Weighting the
/// cross-axis makes "straight ahead, further away" beat "off to one side,
/// nearer", which is what a person means by the arrow key.
fn next_in_direction(
    candidates: &[DomNodeId],
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    current: Option<DomNodeId>,
    dir: azul_core::callbacks::FocusDirection,
) -> Option<DomNodeId> {
    use azul_core::callbacks::FocusDirection;

    /// How much harder cross-axis drift counts than along-axis distance.
    /// 3 is what the CSS spec's reference implementation uses and what feels
    /// right on a grid: a neighbour one row down has to be three times nearer
    /// to beat one straight ahead.
    const CROSS_AXIS_WEIGHT: f32 = 3.0;

    // Absolute position comes from `calculated_positions`, size from the
    // layout node — the same pair the a11y snapshot reads. There is no
    // single "rects" table: a DOM node can map to several layout nodes
    // (inline fragments), so `dom_to_layout` yields a list and the first
    // entry is the box a focus ring would be drawn around.
    let rect_of = |n: &DomNodeId| -> Option<azul_core::geom::LogicalRect> {
        let layout = layout_results.get(&n.dom)?;
        let node = n.node.into_crate_internal()?;
        let idx = *layout.layout_tree.dom_to_layout.get(&node)?.first()?;
        let hot = layout.layout_tree.get(idx)?;
        let origin = layout.calculated_positions.get(idx.index()).copied()?;
        // `used_size` is None for a node that was never laid out — an
        // unmounted subtree, or one still awaiting its first pass. Skipping
        // it is right: a node with no box cannot be navigated to.
        Some(azul_core::geom::LogicalRect {
            origin,
            size: hot.used_size?,
        })
    };

    // With nothing focused there is no "direction from", so an arrow key acts
    // as an entry point and takes the first tab stop — the same thing a TV
    // remote does when you wake a menu.
    let Some(current) = current else {
        return candidates.first().copied();
    };
    let Some(from) = rect_of(&current) else {
        return candidates.first().copied();
    };
    let from_c = (
        from.origin.x + from.size.width / 2.0,
        from.origin.y + from.size.height / 2.0,
    );

    let mut best: Option<(f32, DomNodeId)> = None;
    for cand in candidates {
        if *cand == current {
            continue;
        }
        let Some(r) = rect_of(cand) else { continue };
        let c = (
            r.origin.x + r.size.width / 2.0,
            r.origin.y + r.size.height / 2.0,
        );
        let (dx, dy) = (c.0 - from_c.0, c.1 - from_c.1);

        // "In the requested direction" is decided by the dominant axis, not
        // by the sign alone: a node that is 2px right and 400px down is below,
        // not beside, and offering it to a Right press would make the focus
        // ring jump across the screen.
        let (along, cross) = match dir {
            FocusDirection::Left => (-dx, dy.abs()),
            FocusDirection::Right => (dx, dy.abs()),
            FocusDirection::Up => (-dy, dx.abs()),
            FocusDirection::Down => (dy, dx.abs()),
        };
        if along <= 0.0 || cross > along {
            continue;
        }

        let score = along + cross * CROSS_AXIS_WEIGHT;
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, *cand));
        }
    }
    best.map(|(_, n)| n)
}
