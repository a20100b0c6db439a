//! Default Action Processing for Keyboard Events
//!
//! This module implements W3C-compliant default actions for keyboard events.
//! Default actions are built-in behaviors that occur after event dispatch,
//! unless `event.prevent_default()` was called.
//!
//! ## W3C Event Model
//!
//! Per DOM Level 2/3 and W3C UI Events:
//!
//! 1. Event is dispatched through capture → target → bubble phases
//! 2. Callbacks can call `event.prevent_default()` to cancel default action
//! 3. After dispatch, if not prevented, the default action is performed
//!
//! ## Keyboard Default Actions
//!
//! | Key | Modifiers | Default Action |
//! |-----|-----------|----------------|
//! | Tab | None | Focus next element |
//! | Tab | Shift | Focus previous element |
//! | Enter | None | Activate focused element (if activatable) |
//! | Space | None | Activate focused element (if activatable) |
//! | Escape | None | Clear focus |
//!
//! ## Activation Behavior (HTML5)
//!
//! Per HTML5 spec, elements with "activation behavior" can be activated via
//! Enter or Space. This generates a synthetic click event:
//!
//! - Button elements
//! - Anchor elements with href
//! - Input elements (submit, button, checkbox, radio)
//! - Any element with a click callback
//!
//! See: https://html.spec.whatwg.org/multipage/interaction.html#activation-behavior

use azul_css::props::style::spatial_nav::StyleSpatialNavigationAction;

use crate::window::DomLayoutResult;
use alloc::vec::Vec;
use azul_core::{
    callbacks::{FocusDirection, FocusTarget},
    dom::{DomId, DomNodeId, NodeId},
    events::{DefaultAction, DefaultActionResult, ScrollAmount, ScrollDirection},
    window::{KeyboardState, VirtualKeyCode},
};
use std::collections::{BTreeMap, BTreeSet};

/// Editing state of the focused node, as the caret sees it — built by the
/// caller (`LayoutWindow::build_editing_query_state`) because the decision
/// function itself deliberately cannot see cursors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
// Four independent facts about one caret position, not a state enum: any
// combination of them can hold at once.
#[allow(clippy::struct_excessive_bools)]
pub struct EditingQueryState {
    /// The focused node is inside a `contenteditable` host.
    pub is_contenteditable: bool,
    /// The caret sits at the very start of the block's text.
    pub cursor_at_block_start: bool,
    /// The caret sits at the very end of the block's text.
    pub cursor_at_block_end: bool,
    /// The editing HOST's computed `white-space` preserves newlines
    /// (pre / pre-wrap / break-spaces / pre-line). In such a host a literal
    /// `"\n"` is the native line separator, so Enter inserts one instead of
    /// recording a structural block split.
    pub host_preserves_newlines: bool,
}

#[must_use]
pub fn determine_keyboard_default_action(
    keyboard_state: &KeyboardState,
    focused_node: Option<DomNodeId>,
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    prevented: bool,
) -> DefaultActionResult {
    determine_keyboard_default_action_with_editing(
        keyboard_state,
        focused_node,
        layout_results,
        prevented,
        None,
    )
}

/// [`determine_keyboard_default_action`] with contenteditable awareness.
///
/// Enter on a contenteditable focus records a structural SPLIT (Shift+Enter
/// stays a soft line break through the text path); Backspace at block start /
/// Delete at block end record structural MERGES. `editing: None` behaves
/// exactly like the editing-blind variant.
#[allow(clippy::too_many_lines)] // large but cohesive: single-purpose layout/render/parse routine (one branch per case)
#[must_use]
pub fn determine_keyboard_default_action_with_editing(
    keyboard_state: &KeyboardState,
    focused_node: Option<DomNodeId>,
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    prevented: bool,
    editing: Option<&EditingQueryState>,
) -> DefaultActionResult {
    // If prevented, return early with no action
    if prevented {
        return DefaultActionResult::prevented();
    }

    // Get the current key (if any)
    let Some(current_key) = keyboard_state.current_virtual_keycode.into_option() else {
        return DefaultActionResult::default();
    };

    // Check modifier state
    let shift_down = keyboard_state.shift_down();
    let ctrl_down = keyboard_state.ctrl_down();
    let alt_down = keyboard_state.alt_down();

    // Determine action based on key
    let action = match current_key {
        // Tab navigation
        VirtualKeyCode::Tab => {
            if ctrl_down || alt_down {
                // Ctrl+Tab / Alt+Tab are typically handled by OS
                DefaultAction::None
            } else if shift_down {
                DefaultAction::FocusPrevious
            } else {
                DefaultAction::FocusNext
            }
        }

        // Activation (Enter key)
        VirtualKeyCode::Return | VirtualKeyCode::NumpadEnter => {
            focused_node.as_ref().map_or(DefaultAction::None, |focus| {
                // Enter in a contenteditable host: a STRUCTURAL block split
                // for the app to apply (the browser default) — unless the
                // host is a plain-text context (`white-space` preserves
                // newlines), where `"\n"` is the native separator and the
                // split has no app model to land in. Shift+Enter is the soft
                // break in either kind of host.
                if let Some(e) = editing.filter(|e| e.is_contenteditable) {
                    if shift_down || e.host_preserves_newlines {
                        return DefaultAction::InsertLineBreakAtCursor { target: *focus };
                    }
                    return DefaultAction::SplitBlockAtCursor { target: *focus };
                }
                // A RESET control is checked BEFORE the generic activation:
                // it IS activatable, so the arm below would swallow it and the
                // form would never reset. Same reason submit is checked after
                // activation and reset before it - the specific case has to
                // win over the general one.
                if is_reset_control(focus, layout_results) {
                    if let Some(form_node) = find_form_ancestor(focus, layout_results) {
                        return DefaultAction::ResetForm { form_node };
                    }
                    // A reset button outside a form resets nothing; fall
                    // through to ordinary activation so a click handler on it
                    // still runs.
                }
                if is_element_activatable(focus, layout_results) {
                    DefaultAction::ActivateFocusedElement { target: *focus }
                } else if let Some(form_node) = find_form_ancestor(focus, layout_results) {
                    // IMPLICIT SUBMISSION, the HTML rule: Enter in a control
                    // that does not activate submits the form it belongs to.
                    //
                    // `DefaultAction::SubmitForm` and its consumer both
                    // existed - the consumer even claims "Enter on a focused
                    // control produced this action" - but NOTHING ever
                    // constructed it, so `EventType::Submit` could not fire on
                    // any platform. This is the missing producer.
                    DefaultAction::SubmitForm { form_node }
                } else {
                    // Not in a form: there is no target to submit, and
                    // guessing one would fire Submit at an unrelated node.
                    DefaultAction::None
                }
            })
        }

        // Backspace at BLOCK START / Delete at BLOCK END in a contenteditable
        // host: structural block merges. Anywhere else these keys keep flowing
        // through the per-IFC text-edit path unchanged (this fn returns None).
        VirtualKeyCode::Back => match (focused_node.as_ref(), editing) {
            (Some(focus), Some(e)) if e.is_contenteditable && e.cursor_at_block_start => {
                DefaultAction::MergeWithPrevious { target: *focus }
            }
            _ => DefaultAction::None,
        },
        VirtualKeyCode::Delete => match (focused_node.as_ref(), editing) {
            (Some(focus), Some(e)) if e.is_contenteditable && e.cursor_at_block_end => {
                DefaultAction::MergeWithNext { target: *focus }
            }
            _ => DefaultAction::None,
        },

        // Activation (Space key) — or page-scroll when nothing activatable
        // has focus (MWA-C-scroll: the browser default; Shift+Space pages up).
        VirtualKeyCode::Space => {
            match focused_node.as_ref() {
                Some(focus)
                    if is_element_activatable(focus, layout_results)
                        && !is_text_input(focus, layout_results) =>
                {
                    DefaultAction::ActivateFocusedElement { target: *focus }
                }
                // Space in text input should insert space (handled by text input system)
                Some(focus) if is_text_input(focus, layout_results) => DefaultAction::None,
                _ => DefaultAction::ScrollFocusedContainer {
                    direction: if shift_down {
                        ScrollDirection::Up
                    } else {
                        ScrollDirection::Down
                    },
                    amount: ScrollAmount::Page,
                },
            }
        }

        // Escape - clear focus
        VirtualKeyCode::Escape => {
            if focused_node.is_some() {
                DefaultAction::ClearFocus
            } else {
                // Could close modal/dialog here if any is open
                DefaultAction::None
            }
        }

        // Arrow keys - scroll or navigate
        VirtualKeyCode::Up
        | VirtualKeyCode::Down
        | VirtualKeyCode::Left
        | VirtualKeyCode::Right => {
            let direction = match current_key {
                VirtualKeyCode::Up => ScrollDirection::Up,
                VirtualKeyCode::Down => ScrollDirection::Down,
                VirtualKeyCode::Left => ScrollDirection::Left,
                _ => ScrollDirection::Right,
            };
            let scroll = DefaultAction::ScrollFocusedContainer {
                direction,
                amount: ScrollAmount::Line,
            };
            // MWA-C-scroll: arrows scroll with NO focused node too (the
            // consumer anchors on the hovered container then) — only a
            // focused text input claims the arrows for caret movement.
            focused_node.as_ref().map_or(scroll, |focus| {
                if is_text_input(focus, layout_results) {
                    return DefaultAction::None;
                }
                // SPATIAL NAVIGATION, per CSS Spatial Navigation Level 1: an
                // arrow does not choose between focus and scroll, it tries them
                // IN ORDER. Look for a focusable in that direction first; only
                // if there is none does the arrow scroll.
                //
                // That ordering is the whole reason this was blocked: taking
                // the arrows outright would break every scroll container, and
                // leaving them on scroll means a keyboard user deep in one part
                // of a UI cannot reach a visually adjacent control without
                // tabbing through everything between.
                //
                // Resolution is asked HERE rather than left to the dll seam so
                // the fallback is one decision in one place, testable without a
                // window — the seam would have to undo an already-dispatched
                // focus action to scroll instead.
                let dir = match direction {
                    ScrollDirection::Up => FocusDirection::Up,
                    ScrollDirection::Down => FocusDirection::Down,
                    ScrollDirection::Left => FocusDirection::Left,
                    ScrollDirection::Right => FocusDirection::Right,
                };
                // Spatial navigation needs a real ORIGIN: "what is above THIS"
                // is unanswerable from a focus that names no live node, and
                // the resolver is lenient there — handed an unresolvable
                // current focus it falls back to a first-focusable, which
                // would turn every arrow into a focus jump. Require the anchor
                // to exist before asking.
                let anchor_is_live = focus
                    .node
                    .into_crate_internal()
                    .is_some_and(|n| {
                        layout_results.get(&focus.dom).is_some_and(|lr| {
                            n.index() < lr.styled_dom.node_data.as_container().len()
                        })
                    });
                if !anchor_is_live {
                    return scroll;
                }
                let focus_move = match dir {
                    FocusDirection::Up => DefaultAction::FocusUp,
                    FocusDirection::Down => DefaultAction::FocusDown,
                    FocusDirection::Left => DefaultAction::FocusLeft,
                    FocusDirection::Right => DefaultAction::FocusRight,
                };
                // `spatial-navigation-action` (9a-i-b) is how a container opts
                // OUT of the ordered fallback. `Scroll` answers BEFORE the
                // spatial search runs, so a map or a canvas also pays nothing
                // for a search whose answer it would discard.
                let action = spatial_navigation_action(layout_results, focus);
                if action == StyleSpatialNavigationAction::Scroll {
                    return resolve_arrow_action(action, focus_move, false, scroll);
                }
                let spatial = crate::managers::focus_cursor::resolve_focus_target(
                    &FocusTarget::Directional(dir),
                    layout_results,
                    Some(*focus),
                    &BTreeSet::new(),
                );
                let found = matches!(
                    spatial,
                    Ok(crate::managers::focus_cursor::FocusResolution::Resolved(_))
                );
                resolve_arrow_action(action, focus_move, found, scroll)
            })
        }

        // Page Up/Down
        VirtualKeyCode::PageUp => DefaultAction::ScrollFocusedContainer {
            direction: ScrollDirection::Up,
            amount: ScrollAmount::Page,
        },
        VirtualKeyCode::PageDown => DefaultAction::ScrollFocusedContainer {
            direction: ScrollDirection::Down,
            amount: ScrollAmount::Page,
        },

        // Home/End
        VirtualKeyCode::Home => {
            if ctrl_down {
                // Ctrl+Home - go to start of document
                DefaultAction::FocusFirst
            } else {
                DefaultAction::ScrollFocusedContainer {
                    direction: ScrollDirection::Up,
                    amount: ScrollAmount::Document,
                }
            }
        }
        VirtualKeyCode::End => {
            if ctrl_down {
                // Ctrl+End - go to end of document
                DefaultAction::FocusLast
            } else {
                DefaultAction::ScrollFocusedContainer {
                    direction: ScrollDirection::Down,
                    amount: ScrollAmount::Document,
                }
            }
        }

        // All other keys - no default action
        _ => DefaultAction::None,
    };

    DefaultActionResult::new(action)
}

/// Check if an element is activatable (can receive synthetic click from Enter/Space).
fn is_element_activatable(
    node_id: &DomNodeId,
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
) -> bool {
    let Some(layout) = layout_results.get(&node_id.dom) else {
        return false;
    };
    let Some(internal_id) = node_id.node.into_crate_internal() else {
        return false;
    };
    layout
        .styled_dom
        .node_data
        .as_container()
        .get(internal_id)
        .is_some_and(azul_core::dom::NodeData::is_activatable)
}

/// Whether this control is a form RESET button (`type="reset"`).
///
/// HTML distinguishes reset from submit by the `type` attribute alone - both
/// are `<button>` or `<input>` - so this is an attribute read rather than a
/// node-type check.
fn is_reset_control(
    node_id: &DomNodeId,
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
) -> bool {
    use azul_core::dom::AttributeType;

    let Some(layout) = layout_results.get(&node_id.dom) else {
        return false;
    };
    let Some(internal_id) = node_id.node.into_crate_internal() else {
        return false;
    };
    let node_data = layout.styled_dom.node_data.as_container();
    let Some(data) = node_data.get(internal_id) else {
        return false;
    };
    data.attributes().as_ref().iter().any(|a| {
        matches!(a, AttributeType::InputType(t) if t.as_str().eq_ignore_ascii_case("reset"))
    })
}

/// The nearest `NodeType::Form` ancestor of `node_id`, including itself.
///
/// HTML's rule: a control belongs to the form it is nested in, and Enter in
/// that control submits THAT form - not the page, and not the innermost thing
/// that happens to be focusable. Nested forms are invalid HTML, so the first
/// one found walking up is unambiguous.
///
/// Returns `None` for a control that is not in a form, which is why Enter
/// there does nothing rather than guessing at a target.
fn find_form_ancestor(
    node_id: &DomNodeId,
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
) -> Option<DomNodeId> {
    use azul_core::dom::NodeType;

    let layout = layout_results.get(&node_id.dom)?;
    let mut current = node_id.node.into_crate_internal()?;
    let node_data = layout.styled_dom.node_data.as_container();
    let hierarchy = layout.styled_dom.node_hierarchy.as_container();

    loop {
        if matches!(node_data.get(current)?.get_node_type(), NodeType::Form) {
            return Some(DomNodeId {
                dom: node_id.dom,
                node: azul_core::styled_dom::NodeHierarchyItemId::from_crate_internal(Some(
                    current,
                )),
            });
        }
        current = hierarchy.get(current)?.parent_id()?;
    }
}

/// Check if an element is a text input (where Space should insert text, not activate).
fn is_text_input(node_id: &DomNodeId, layout_results: &BTreeMap<DomId, DomLayoutResult>) -> bool {
    use azul_core::events::{EventFilter, FocusEventFilter};
    let Some(layout) = layout_results.get(&node_id.dom) else {
        return false;
    };
    let Some(internal_id) = node_id.node.into_crate_internal() else {
        return false;
    };
    let node_data = layout.styled_dom.node_data.as_container();
    let Some(node) = node_data.get(internal_id) else {
        return false;
    };

    // Check if this node has a TextInput callback (FocusEventFilter::TextInput)
    // which indicates it's a text input field
    node.get_callbacks()
        .iter()
        .any(|cb| matches!(cb.event, EventFilter::Focus(FocusEventFilter::TextInput)))
}

/// What an arrow key does, given the container's `spatial-navigation-action`
/// and whether spatial navigation found anywhere to go.
///
/// Split out as a pure function because it is the whole behaviour of 9a-i-b in
/// three lines, and the alternative - asserting it through
/// `determine_keyboard_default_action` - needs a fixture with a real layout
/// tree carrying `scrollbar_info`, which no test in this file has. The truth
/// table gets tested directly instead.
const fn resolve_arrow_action(
    action: StyleSpatialNavigationAction,
    focus_move: DefaultAction,
    found: bool,
    scroll: DefaultAction,
) -> DefaultAction {
    match action {
        // Always scroll, focusable children or not. `found` is not even
        // consulted, which is why the caller can skip the search.
        StyleSpatialNavigationAction::Scroll => scroll,
        // Always focus. Nothing found means NOTHING HAPPENS - not a scroll.
        // The spec's "continue the search outward" is already covered, because
        // `next_in_direction` searches the whole candidate pool rather than
        // just this container.
        StyleSpatialNavigationAction::Focus => {
            if found {
                focus_move
            } else {
                DefaultAction::None
            }
        }
        // The ordered fallback 9a-i-a shipped, and the initial value.
        StyleSpatialNavigationAction::Auto => {
            if found {
                focus_move
            } else {
                scroll
            }
        }
    }
}

/// The `spatial-navigation-action` in force for an arrow press from `focus`.
///
/// Read off the nearest SCROLL CONTAINER at or above the focused node, not off
/// the focused node itself: the property answers "what does an arrow do when
/// this element is the container being navigated", and the element an arrow
/// would scroll is the one `ScrollFocusedContainer` acts on.
///
/// "Scroll container" here is the layout's own answer - `scrollbar_info` is
/// present - and NOT "does it currently overflow". The stricter test lives on
/// `LayoutWindow::find_scrollable_ancestor` and needs the scroll manager,
/// which this decision function deliberately does not have; the looser one is
/// also the right question, because an author who wrote
/// `spatial-navigation-action: scroll` meant it whether or not the box happens
/// to overflow at this instant.
fn spatial_navigation_action(
    layout_results: &BTreeMap<DomId, DomLayoutResult>,
    focus: &DomNodeId,
) -> StyleSpatialNavigationAction {
    let Some(lr) = layout_results.get(&focus.dom) else {
        return StyleSpatialNavigationAction::Auto;
    };
    let Some(node) = focus.node.into_crate_internal() else {
        return StyleSpatialNavigationAction::Auto;
    };
    let Some(start) = lr
        .layout_tree
        .dom_to_layout
        .get(&node)
        .and_then(|v| v.first())
    else {
        return StyleSpatialNavigationAction::Auto;
    };
    let states = lr.styled_dom.styled_nodes.as_container();
    // SELF-inclusive, like `find_scrollable_ancestor`: a focused node can BE
    // the scroll container - a focusable list box is the common case.
    for idx in lr
        .layout_tree
        .ancestor_chain(*start, azul_core::spaces::Inclusivity::SelfAndAncestors)
    {
        let is_scroll_container = lr
            .layout_tree
            .warm(idx)
            .and_then(|w| w.scrollbar_info.as_ref())
            .is_some();
        if !is_scroll_container {
            continue;
        }
        let Some(dom_node) = lr.layout_tree.get(idx).and_then(|n| n.dom_node_id) else {
            continue;
        };
        let Some(sn) = states.get(dom_node) else {
            continue;
        };
        if let crate::solver3::getters::MultiValue::Exact(action) =
            crate::solver3::getters::get_spatial_navigation_action(
                &lr.styled_dom,
                dom_node,
                &sn.styled_node_state,
            )
        {
            return action;
        }
        // The NEAREST scroll container decides, even when it says nothing:
        // walking past it to an outer one would let a grandparent override a
        // panel the author scoped deliberately.
        return StyleSpatialNavigationAction::Auto;
    }
    StyleSpatialNavigationAction::Auto
}

/// The default action a gamepad button press asks for.
///
/// `pressed` is an EDGE mask — buttons that went down since the last pass, as
/// `GamepadManager::take_pending_pressed` reports them. A level mask would
/// move focus once per poll for as long as the D-pad is held.
///
/// Only the D-pad is bound, and deliberately: it is the one control whose
/// meaning is unambiguously "move in this direction" and which conflicts with
/// nothing. Arrow keys scroll, so binding THEM needs the CSS opt-out that item
/// 9a-i describes; a D-pad has no such conflict, which is why this half could
/// land first. The face buttons are not bound either — "A activates" is a
/// platform convention (it is B on Nintendo layouts), not something to
/// hardcode here.
///
/// Diagonals resolve to a single direction rather than none: pressing up and
/// right together in one pass is a real thing a thumb does, and answering
/// `None` would make the D-pad feel dead at exactly the moment the user is
/// moving fastest. Vertical wins, because a spatial-navigation grid is
/// conventionally row-major.
#[must_use]
pub const fn determine_gamepad_default_action(pressed: u32) -> DefaultAction {
    use azul_core::gamepad::GamepadButton;
    if (pressed & GamepadButton::DPadUp.bit()) != 0 {
        DefaultAction::FocusUp
    } else if (pressed & GamepadButton::DPadDown.bit()) != 0 {
        DefaultAction::FocusDown
    } else if (pressed & GamepadButton::DPadLeft.bit()) != 0 {
        DefaultAction::FocusLeft
    } else if (pressed & GamepadButton::DPadRight.bit()) != 0 {
        DefaultAction::FocusRight
    } else {
        DefaultAction::None
    }
}

/// Convert a `DefaultAction` to a `FocusTarget` for the focus manager.
///
/// This bridges the gap between the abstract `DefaultAction` and the
/// concrete `FocusTarget` that the `FocusManager` understands.
#[must_use]
pub const fn default_action_to_focus_target(action: &DefaultAction) -> Option<FocusTarget> {
    match action {
        DefaultAction::FocusNext => Some(FocusTarget::Next),
        DefaultAction::FocusPrevious => Some(FocusTarget::Previous),
        DefaultAction::FocusFirst => Some(FocusTarget::First),
        DefaultAction::FocusLast => Some(FocusTarget::Last),
        // Spatial navigation. `resolve_focus_target` has handled
        // `Directional` since it was written — the gap was that no
        // `DefaultAction` could ask for it.
        DefaultAction::FocusUp => Some(FocusTarget::Directional(FocusDirection::Up)),
        DefaultAction::FocusDown => Some(FocusTarget::Directional(FocusDirection::Down)),
        DefaultAction::FocusLeft => Some(FocusTarget::Directional(FocusDirection::Left)),
        DefaultAction::FocusRight => Some(FocusTarget::Directional(FocusDirection::Right)),
        DefaultAction::ClearFocus => Some(FocusTarget::NoFocus),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use azul_core::styled_dom::NodeHierarchyItemId;

    #[test]
    #[allow(clippy::field_reassign_with_default)] // struct built incrementally / test setup; a struct literal is not clearer here
    fn test_tab_focus_next() {
        let mut keyboard_state = KeyboardState::default();
        keyboard_state.current_virtual_keycode = Some(VirtualKeyCode::Tab).into();

        let result =
            determine_keyboard_default_action(&keyboard_state, None, &BTreeMap::new(), false);

        assert!(matches!(result.action, DefaultAction::FocusNext));
        assert!(!result.prevented);
    }

    #[test]
    #[allow(clippy::field_reassign_with_default)] // struct built incrementally / test setup; a struct literal is not clearer here
    fn test_shift_tab_focus_previous() {
        let mut keyboard_state = KeyboardState::default();
        keyboard_state.current_virtual_keycode = Some(VirtualKeyCode::Tab).into();
        // Add LShift to pressed keys to simulate Shift being held
        keyboard_state.pressed_virtual_keycodes =
            vec![VirtualKeyCode::LShift, VirtualKeyCode::Tab].into();

        let result =
            determine_keyboard_default_action(&keyboard_state, None, &BTreeMap::new(), false);

        assert!(matches!(result.action, DefaultAction::FocusPrevious));
    }

    #[test]
    #[allow(clippy::field_reassign_with_default)] // struct built incrementally / test setup; a struct literal is not clearer here
    fn test_escape_clears_focus() {
        let mut keyboard_state = KeyboardState::default();
        keyboard_state.current_virtual_keycode = Some(VirtualKeyCode::Escape).into();

        let focused = Some(DomNodeId {
            dom: DomId { inner: 0 },
            node: NodeHierarchyItemId::from_crate_internal(Some(NodeId::new(1))),
        });

        let result =
            determine_keyboard_default_action(&keyboard_state, focused, &BTreeMap::new(), false);

        assert!(matches!(result.action, DefaultAction::ClearFocus));
    }

    #[test]
    #[allow(clippy::field_reassign_with_default)] // struct built incrementally / test setup; a struct literal is not clearer here
    fn test_prevented_returns_no_action() {
        let mut keyboard_state = KeyboardState::default();
        keyboard_state.current_virtual_keycode = Some(VirtualKeyCode::Tab).into();

        let result = determine_keyboard_default_action(
            &keyboard_state,
            None,
            &BTreeMap::new(),
            true, // prevented!
        );

        assert!(result.prevented);
        assert!(matches!(result.action, DefaultAction::None));
    }
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)] // KeyboardState is built incrementally in the helpers
mod autotest_generated {
    // ==================================================================
    // Structural-edit arms (A2): Enter splits, Backspace/Delete merge —
    // ONLY with contenteditable editing state; the editing-blind wrapper
    // must behave exactly as before.
    // ==================================================================

    #[test]
    fn enter_on_contenteditable_records_a_split_not_activation() {
        let layouts = BTreeMap::new();
        let focus = Some(dom_node(3));
        let editing = EditingQueryState {
            is_contenteditable: true,
            cursor_at_block_start: false,
            cursor_at_block_end: false,
            host_preserves_newlines: false,
        };

        let with = determine_keyboard_default_action_with_editing(
            &kbd(VirtualKeyCode::Return, &[]),
            focus,
            &layouts,
            false,
            Some(&editing),
        );
        assert!(matches!(
            with.action,
            DefaultAction::SplitBlockAtCursor { .. }
        ));

        // Shift+Enter: the soft break — a literal "\n" through the text
        // pipeline, never structural. (This used to fall through to nothing;
        // the documented intent is now implemented.)
        let shift = determine_keyboard_default_action_with_editing(
            &kbd(VirtualKeyCode::Return, &[VirtualKeyCode::LShift]),
            focus,
            &layouts,
            false,
            Some(&editing),
        );
        assert!(matches!(
            shift.action,
            DefaultAction::InsertLineBreakAtCursor { .. }
        ));

        // A PLAIN-TEXT host (white-space preserves newlines, e.g. the
        // text_area widget): plain Enter inserts the newline instead of
        // splitting blocks — there is no app model for a split to land in.
        let plaintext = EditingQueryState {
            host_preserves_newlines: true,
            ..editing
        };
        let plain_enter = determine_keyboard_default_action_with_editing(
            &kbd(VirtualKeyCode::Return, &[]),
            focus,
            &layouts,
            false,
            Some(&plaintext),
        );
        assert!(matches!(
            plain_enter.action,
            DefaultAction::InsertLineBreakAtCursor { .. }
        ));

        // Editing-blind: the old behavior, byte for byte.
        let without = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Return, &[]),
            focus,
            &layouts,
            false,
        );
        assert!(!matches!(
            without.action,
            DefaultAction::SplitBlockAtCursor { .. }
        ));
    }

    #[test]
    fn backspace_and_delete_merge_only_at_block_boundaries() {
        let layouts = BTreeMap::new();
        let focus = Some(dom_node(3));

        let at_start = EditingQueryState {
            is_contenteditable: true,
            cursor_at_block_start: true,
            cursor_at_block_end: false,
            host_preserves_newlines: false,
        };
        let mid = EditingQueryState {
            is_contenteditable: true,
            cursor_at_block_start: false,
            cursor_at_block_end: false,
            host_preserves_newlines: false,
        };
        let at_end = EditingQueryState {
            is_contenteditable: true,
            cursor_at_block_start: false,
            cursor_at_block_end: true,
            host_preserves_newlines: false,
        };

        let r = |key, e: &EditingQueryState| {
            determine_keyboard_default_action_with_editing(
                &kbd(key, &[]),
                focus,
                &layouts,
                false,
                Some(e),
            )
            .action
        };

        assert!(matches!(
            r(VirtualKeyCode::Back, &at_start),
            DefaultAction::MergeWithPrevious { .. }
        ));
        assert!(matches!(r(VirtualKeyCode::Back, &mid), DefaultAction::None));
        assert!(matches!(
            r(VirtualKeyCode::Delete, &at_end),
            DefaultAction::MergeWithNext { .. }
        ));
        assert!(matches!(
            r(VirtualKeyCode::Delete, &mid),
            DefaultAction::None
        ));
    }

    use std::collections::HashMap;

    use azul_core::{
        a11y::{AccessibilityRole, AccessibilityState, SmallAriaInfo},
        dom::{Dom, NodeData, NodeType},
        events::{EventFilter, FocusEventFilter, HoverEventFilter},
        geom::LogicalRect,
        refany::RefAny,
        styled_dom::{NodeHierarchyItemId, StyledDom},
    };

    use super::*;
    use crate::solver3::{display_list::DisplayList, layout_tree::LayoutTree};

    // ------------------------------------------------------------------
    // Fixtures
    // ------------------------------------------------------------------

    /// A `NodeData` with a single callback attached. The callback pointer is a
    /// dummy `usize` — nothing in this module ever invokes it, both functions
    /// under test only look at `CoreCallbackData::event`.
    fn node_with_callback(node_type: NodeType, event: EventFilter) -> NodeData {
        let mut nd = NodeData::create_node(node_type);
        nd.add_callback(event, RefAny::new(0u32), 0usize);
        nd
    }

    fn node_with_role(node_type: NodeType, role: AccessibilityRole) -> NodeData {
        let mut nd = NodeData::create_node(node_type);
        nd.set_accessibility_info(SmallAriaInfo::label("label").with_role(role).to_full_info());
        nd
    }

    /// A control that *has* activation behaviour (role `PushButton`) but is
    /// explicitly disabled — `is_activatable` must reject it.
    fn disabled_control() -> NodeData {
        let mut nd = NodeData::create_node(NodeType::Input);
        let mut info = SmallAriaInfo::label("Save")
            .with_role(AccessibilityRole::PushButton)
            .to_full_info();
        info.states = vec![AccessibilityState::Unavailable].into();
        nd.set_accessibility_info(info);
        nd
    }

    /// One DOM whose children each have a *distinct* `NodeType`, so tests can
    /// look a node up by type without hardcoding flatten indices:
    ///
    /// - `Button`   — activatable (inherent), not a text input
    /// - `Div`      — neither
    /// - `TextArea` — text input (has a `Focus(TextInput)` callback), not activatable
    /// - `A`        — activatable (inherent) *and* a text input (pathological overlap)
    /// - `P`        — activatable via a `Hover(LeftMouseUp)` click callback
    /// - `Input`    — role `PushButton` but `Unavailable` → disabled
    /// - `Select`   — activatable purely via the `CheckButton` a11y role
    fn fixture() -> BTreeMap<DomId, DomLayoutResult> {
        let dom = Dom::create_body()
            .with_child(Dom::create_from_data(NodeData::create_button_no_a11y()))
            .with_child(Dom::create_from_data(NodeData::create_div()))
            .with_child(Dom::create_from_data(node_with_callback(
                NodeType::TextArea,
                EventFilter::Focus(FocusEventFilter::TextInput),
            )))
            .with_child(Dom::create_from_data(node_with_callback(
                NodeType::A,
                EventFilter::Focus(FocusEventFilter::TextInput),
            )))
            .with_child(Dom::create_from_data(node_with_callback(
                NodeType::P,
                EventFilter::Hover(HoverEventFilter::LeftMouseUp),
            )))
            .with_child(Dom::create_from_data(disabled_control()))
            .with_child(Dom::create_from_data(node_with_role(
                NodeType::Select,
                AccessibilityRole::CheckButton,
            )));

        let styled_dom = StyledDom::create_from_dom(dom);

        let mut map = BTreeMap::new();
        map.insert(
            DomId::ROOT_ID,
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
            },
        );
        map
    }

    /// A body containing a `Form` whose child is a plain, non-activatable
    /// control - the shape implicit submission is about.
    ///
    /// Node 0 = body, 1 = form, 2 = the control inside it, 3 = a control
    /// OUTSIDE any form.
    fn form_fixture() -> BTreeMap<DomId, DomLayoutResult> {
        let dom = Dom::create_body()
            .with_child(
                Dom::create_node(NodeType::Form)
                    .with_child(Dom::create_from_data(node_with_callback(
                        NodeType::TextArea,
                        EventFilter::Focus(FocusEventFilter::TextInput),
                    ))),
            )
            .with_child(Dom::create_from_data(node_with_callback(
                NodeType::TextArea,
                EventFilter::Focus(FocusEventFilter::TextInput),
            )));

        let styled_dom = StyledDom::create_from_dom(dom);
        let mut map = BTreeMap::new();
        map.insert(
            DomId::ROOT_ID,
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
            },
        );
        map
    }

    /// A control inside a form finds it; the walk is up the ANCESTOR chain,
    /// not a scan of the document.
    #[test]
    fn a_control_finds_the_form_it_is_nested_in() {
        let layouts = form_fixture();
        assert_eq!(
            find_form_ancestor(&dom_node(2), &layouts),
            Some(dom_node(1)),
            "the control's parent is the form"
        );
    }

    /// The form is its own ancestor - HTML's rule, and it keeps Enter on a
    /// focused form itself from walking past it to nothing.
    #[test]
    fn a_form_is_its_own_ancestor() {
        let layouts = form_fixture();
        assert_eq!(find_form_ancestor(&dom_node(1), &layouts), Some(dom_node(1)));
    }

    /// A control outside every form has NO target, and that must stay `None`:
    /// guessing one would fire Submit at an unrelated node.
    #[test]
    fn a_control_outside_a_form_has_no_target() {
        let layouts = form_fixture();
        assert_eq!(find_form_ancestor(&dom_node(3), &layouts), None);
        assert_eq!(find_form_ancestor(&dom_node(0), &layouts), None, "the body is not a form");
    }

    /// THE PRODUCER THAT WAS MISSING. `DefaultAction::SubmitForm` and its
    /// consumer both existed - the consumer even claims Enter produces it -
    /// but nothing ever constructed it, so `EventType::Submit` could not fire
    /// on any platform.
    #[test]
    fn enter_in_a_form_control_submits_the_form() {
        let layouts = form_fixture();
        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Return, &[]),
            Some(dom_node(2)),
            &layouts,
            false,
        );
        assert_eq!(
            result.action,
            DefaultAction::SubmitForm {
                form_node: dom_node(1)
            },
            "Enter in a non-activatable form control must submit its form"
        );
    }

    /// A reset button must produce `ResetForm`, NOT `ActivateFocusedElement`.
    /// A button IS activatable, so the generic arm would swallow it and the
    /// form would never reset - which is why the reset check runs first.
    #[test]
    fn activating_a_reset_button_resets_its_form() {
        use azul_core::dom::AttributeType;

        let mut button = NodeData::create_button_no_a11y();
        button.set_attributes(vec![AttributeType::InputType("reset".into())].into());
        let dom = Dom::create_body()
            .with_child(Dom::create_node(NodeType::Form).with_child(Dom::create_from_data(button)));
        let styled_dom = StyledDom::create_from_dom(dom);
        let mut layouts = BTreeMap::new();
        layouts.insert(
            DomId::ROOT_ID,
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
            },
        );

        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Return, &[]),
            Some(dom_node(2)),
            &layouts,
            false,
        );
        assert_eq!(
            result.action,
            DefaultAction::ResetForm {
                form_node: dom_node(1)
            },
            "a reset button must reset, not merely activate"
        );
    }

    /// Enter outside a form stays `None` rather than submitting something.
    #[test]
    fn enter_outside_a_form_does_nothing() {
        let layouts = form_fixture();
        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Return, &[]),
            Some(dom_node(3)),
            &layouts,
            false,
        );
        assert_eq!(result.action, DefaultAction::None);
    }

    fn dom_node(index: usize) -> DomNodeId {
        DomNodeId {
            dom: DomId::ROOT_ID,
            node: NodeHierarchyItemId::from_crate_internal(Some(NodeId::new(index))),
        }
    }

    /// Locate the fixture node with the given `NodeType`. Scanning (instead of
    /// assuming `child i == NodeId(i + 1)`) keeps the tests honest even if the
    /// flatten order or anonymous-box insertion ever changes.
    fn node_of(
        layouts: &BTreeMap<DomId, DomLayoutResult>,
        matcher: fn(&NodeType) -> bool,
    ) -> DomNodeId {
        let layout = layouts.get(&DomId::ROOT_ID).expect("fixture dom missing");
        let container = layout.styled_dom.node_data.as_container();
        for i in 0..container.len() {
            if container
                .get(NodeId::new(i))
                .is_some_and(|nd| matcher(&nd.node_type))
            {
                return dom_node(i);
            }
        }
        panic!("fixture node not found");
    }

    fn button(l: &BTreeMap<DomId, DomLayoutResult>) -> DomNodeId {
        node_of(l, |t| matches!(t, NodeType::Button))
    }
    fn div(l: &BTreeMap<DomId, DomLayoutResult>) -> DomNodeId {
        node_of(l, |t| matches!(t, NodeType::Div))
    }
    fn textarea(l: &BTreeMap<DomId, DomLayoutResult>) -> DomNodeId {
        node_of(l, |t| matches!(t, NodeType::TextArea))
    }
    fn anchor(l: &BTreeMap<DomId, DomLayoutResult>) -> DomNodeId {
        node_of(l, |t| matches!(t, NodeType::A))
    }
    fn clickable_p(l: &BTreeMap<DomId, DomLayoutResult>) -> DomNodeId {
        node_of(l, |t| matches!(t, NodeType::P))
    }
    fn disabled(l: &BTreeMap<DomId, DomLayoutResult>) -> DomNodeId {
        node_of(l, |t| matches!(t, NodeType::Input))
    }
    fn role_only(l: &BTreeMap<DomId, DomLayoutResult>) -> DomNodeId {
        node_of(l, |t| matches!(t, NodeType::Select))
    }
    fn body(l: &BTreeMap<DomId, DomLayoutResult>) -> DomNodeId {
        node_of(l, |t| matches!(t, NodeType::Body))
    }

    // --- Deliberately broken node ids ---------------------------------

    /// References a `DomId` that is not in the map at all.
    fn missing_dom() -> DomNodeId {
        DomNodeId {
            dom: DomId { inner: 9999 },
            node: NodeHierarchyItemId::from_crate_internal(Some(NodeId::new(0))),
        }
    }

    /// In-range DOM, node index far past the end of the container.
    fn out_of_bounds_node() -> DomNodeId {
        dom_node(9999)
    }

    /// The "no node" sentinel (`inner == 0` decodes to `None`).
    fn null_node() -> DomNodeId {
        DomNodeId {
            dom: DomId::ROOT_ID,
            node: NodeHierarchyItemId::NONE,
        }
    }

    /// Maximal raw encoding. Decodes to `NodeId(usize::MAX - 1)`; the container
    /// lookup must reject it rather than index out of bounds.
    fn max_node() -> DomNodeId {
        DomNodeId {
            dom: DomId::ROOT_ID,
            node: NodeHierarchyItemId::from_raw(usize::MAX),
        }
    }

    fn kbd(key: VirtualKeyCode, mods: &[VirtualKeyCode]) -> KeyboardState {
        let mut ks = KeyboardState::default();
        ks.current_virtual_keycode = Some(key).into();
        let mut pressed = mods.to_vec();
        pressed.push(key);
        ks.pressed_virtual_keycodes = pressed.into();
        ks
    }

    const ALL_KEYS: &[VirtualKeyCode] = &[
        VirtualKeyCode::Tab,
        VirtualKeyCode::Return,
        VirtualKeyCode::NumpadEnter,
        VirtualKeyCode::Space,
        VirtualKeyCode::Escape,
        VirtualKeyCode::Up,
        VirtualKeyCode::Down,
        VirtualKeyCode::Left,
        VirtualKeyCode::Right,
        VirtualKeyCode::PageUp,
        VirtualKeyCode::PageDown,
        VirtualKeyCode::Home,
        VirtualKeyCode::End,
        VirtualKeyCode::F1,
        VirtualKeyCode::Key1,
        VirtualKeyCode::LShift,
        VirtualKeyCode::LControl,
        VirtualKeyCode::LAlt,
    ];

    const MOD_SETS: &[&[VirtualKeyCode]] = &[
        &[],
        &[VirtualKeyCode::LShift],
        &[VirtualKeyCode::RShift],
        &[VirtualKeyCode::LControl],
        &[VirtualKeyCode::RControl],
        &[VirtualKeyCode::LAlt],
        &[VirtualKeyCode::RAlt],
        &[VirtualKeyCode::LControl, VirtualKeyCode::LShift],
        &[VirtualKeyCode::LAlt, VirtualKeyCode::LShift],
        &[
            VirtualKeyCode::LControl,
            VirtualKeyCode::LAlt,
            VirtualKeyCode::LShift,
        ],
    ];

    fn scroll(direction: ScrollDirection, amount: ScrollAmount) -> DefaultAction {
        DefaultAction::ScrollFocusedContainer { direction, amount }
    }

    // ==================================================================
    // determine_keyboard_default_action — prevention & missing key
    // ==================================================================

    #[test]
    fn prevented_beats_every_key_modifier_and_focus_combination() {
        let layouts = fixture();
        let focus_states = [
            None,
            Some(button(&layouts)),
            Some(textarea(&layouts)),
            Some(missing_dom()),
            Some(null_node()),
        ];

        for key in ALL_KEYS {
            for mods in MOD_SETS {
                for focus in focus_states {
                    let result =
                        determine_keyboard_default_action(&kbd(*key, mods), focus, &layouts, true);
                    assert!(
                        result.prevented,
                        "prevent_default() must be reported for {key:?}"
                    );
                    assert_eq!(
                        result.action,
                        DefaultAction::None,
                        "a prevented event must never carry an action ({key:?})"
                    );
                }
            }
        }
    }

    #[test]
    fn no_current_key_yields_the_default_result() {
        let layouts = fixture();
        // Modifiers held, keys "pressed", but no `current_virtual_keycode`.
        let mut ks = KeyboardState::default();
        ks.pressed_virtual_keycodes = vec![VirtualKeyCode::LShift, VirtualKeyCode::LControl].into();

        let result =
            determine_keyboard_default_action(&ks, Some(button(&layouts)), &layouts, false);
        assert_eq!(result.action, DefaultAction::None);
        assert!(!result.prevented);
    }

    #[test]
    fn never_reports_prevented_when_not_prevented() {
        let layouts = fixture();
        for key in ALL_KEYS {
            for mods in MOD_SETS {
                let result = determine_keyboard_default_action(
                    &kbd(*key, mods),
                    Some(button(&layouts)),
                    &layouts,
                    false,
                );
                assert!(!result.prevented, "{key:?} must not set `prevented`");
            }
        }
    }

    // ==================================================================
    // Tab
    // ==================================================================

    #[test]
    fn tab_with_ctrl_or_alt_yields_no_action() {
        let layouts = fixture();
        for mods in [
            &[VirtualKeyCode::LControl][..],
            &[VirtualKeyCode::RControl][..],
            &[VirtualKeyCode::LAlt][..],
            &[VirtualKeyCode::RAlt][..],
            // Ctrl/Alt must win even when Shift is also down.
            &[VirtualKeyCode::LControl, VirtualKeyCode::LShift][..],
            &[VirtualKeyCode::LAlt, VirtualKeyCode::RShift][..],
        ] {
            let result = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::Tab, mods),
                None,
                &layouts,
                false,
            );
            assert_eq!(
                result.action,
                DefaultAction::None,
                "Ctrl/Alt+Tab belongs to the OS, not the app ({mods:?})"
            );
        }
    }

    #[test]
    fn tab_uses_either_shift_key_and_ignores_focus() {
        let layouts = fixture();
        for shift in [VirtualKeyCode::LShift, VirtualKeyCode::RShift] {
            let result = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::Tab, &[shift]),
                Some(textarea(&layouts)),
                &layouts,
                false,
            );
            assert_eq!(result.action, DefaultAction::FocusPrevious);
        }
        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Tab, &[]),
            Some(textarea(&layouts)),
            &layouts,
            false,
        );
        assert_eq!(result.action, DefaultAction::FocusNext);
    }

    // ==================================================================
    // Enter / NumpadEnter
    // ==================================================================

    #[test]
    fn enter_activates_every_kind_of_activatable_element() {
        let layouts = fixture();
        for target in [
            button(&layouts),
            anchor(&layouts),
            clickable_p(&layouts),
            role_only(&layouts),
        ] {
            for key in [VirtualKeyCode::Return, VirtualKeyCode::NumpadEnter] {
                let result = determine_keyboard_default_action(
                    &kbd(key, &[]),
                    Some(target),
                    &layouts,
                    false,
                );
                assert_eq!(
                    result.action,
                    DefaultAction::ActivateFocusedElement { target },
                    "{key:?} on an activatable element must activate exactly that element"
                );
            }
        }
    }

    #[test]
    fn enter_on_a_disabled_control_does_not_activate() {
        let layouts = fixture();
        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Return, &[]),
            Some(disabled(&layouts)),
            &layouts,
            false,
        );
        assert_eq!(
            result.action,
            DefaultAction::None,
            "an Unavailable (disabled) control must never be activated"
        );
    }

    #[test]
    fn enter_on_non_activatable_or_unfocused_yields_no_action() {
        let layouts = fixture();
        for focus in [None, Some(div(&layouts)), Some(body(&layouts))] {
            let result = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::Return, &[]),
                focus,
                &layouts,
                false,
            );
            assert_eq!(result.action, DefaultAction::None);
        }
    }

    #[test]
    fn enter_on_a_dangling_focus_target_does_not_panic() {
        let layouts = fixture();
        let empty: BTreeMap<DomId, DomLayoutResult> = BTreeMap::new();

        // Bogus node ids against a populated map.
        for focus in [missing_dom(), out_of_bounds_node(), null_node(), max_node()] {
            let result = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::Return, &[]),
                Some(focus),
                &layouts,
                false,
            );
            assert_eq!(
                result.action,
                DefaultAction::None,
                "a focus target that cannot be resolved must not be activated"
            );
        }

        // A perfectly valid node id against an empty map.
        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Return, &[]),
            Some(dom_node(1)),
            &empty,
            false,
        );
        assert_eq!(result.action, DefaultAction::None);
    }

    // ==================================================================
    // Space
    // ==================================================================

    #[test]
    fn space_activates_a_focused_button() {
        let layouts = fixture();
        let target = button(&layouts);
        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Space, &[]),
            Some(target),
            &layouts,
            false,
        );
        assert_eq!(
            result.action,
            DefaultAction::ActivateFocusedElement { target }
        );
    }

    #[test]
    fn space_in_a_text_input_is_swallowed_even_when_the_element_is_activatable() {
        let layouts = fixture();
        // Plain text input: not activatable at all.
        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Space, &[]),
            Some(textarea(&layouts)),
            &layouts,
            false,
        );
        assert_eq!(
            result.action,
            DefaultAction::None,
            "Space in a text input must insert text, not scroll or activate"
        );

        // Pathological overlap: an <a> (inherently activatable) that also has a
        // TextInput callback. Text-input behaviour must win over activation,
        // otherwise typing a space in it would fire a synthetic click.
        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Space, &[]),
            Some(anchor(&layouts)),
            &layouts,
            false,
        );
        assert_eq!(
            result.action,
            DefaultAction::None,
            "text-input behaviour must take precedence over activation for Space"
        );
    }

    #[test]
    fn space_pages_the_scroll_container_when_nothing_activatable_has_focus() {
        let layouts = fixture();
        for focus in [
            None,
            Some(div(&layouts)),
            Some(body(&layouts)),
            Some(disabled(&layouts)),
            Some(missing_dom()),
            Some(null_node()),
            Some(out_of_bounds_node()),
        ] {
            let down = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::Space, &[]),
                focus,
                &layouts,
                false,
            );
            assert_eq!(
                down.action,
                scroll(ScrollDirection::Down, ScrollAmount::Page)
            );

            let up = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::Space, &[VirtualKeyCode::RShift]),
                focus,
                &layouts,
                false,
            );
            assert_eq!(
                up.action,
                scroll(ScrollDirection::Up, ScrollAmount::Page),
                "Shift+Space pages up"
            );
        }
    }

    // ==================================================================
    // Escape
    // ==================================================================

    #[test]
    fn escape_clears_focus_only_when_something_is_focused() {
        let layouts = fixture();
        // Even an unresolvable focus target counts as "focused" — Escape only
        // checks `is_some()`, and clearing a dangling focus is still correct.
        for focus in [
            button(&layouts),
            div(&layouts),
            null_node(),
            missing_dom(),
            max_node(),
        ] {
            let result = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::Escape, &[]),
                Some(focus),
                &layouts,
                false,
            );
            assert_eq!(result.action, DefaultAction::ClearFocus);
        }

        let result = determine_keyboard_default_action(
            &kbd(VirtualKeyCode::Escape, &[]),
            None,
            &layouts,
            false,
        );
        assert_eq!(result.action, DefaultAction::None);
    }

    // ==================================================================
    // Arrows / PageUp / PageDown / Home / End
    // ==================================================================

    /// An arrow MOVES FOCUS when there is a focusable in that direction.
    ///
    /// This is the half that was blocked. Arrows used to scroll
    /// unconditionally, so a keyboard user deep in one part of a UI could not
    /// reach a visually adjacent control without tabbing through everything
    /// between it — the complaint that opened the item. Per CSS Spatial
    /// Navigation Level 1 the arrow tries focus FIRST and falls back to
    /// scrolling, which is what makes taking the arrows safe at all.
    #[test]
    /// THE WHOLE TRUTH TABLE of `spatial-navigation-action`, all six cases.
    ///
    /// The two overrides differ from the default in exactly one cell each, and
    /// both of those cells are the point of the property: `scroll` must not
    /// focus even when a target exists, and `focus` must not scroll even when
    /// none does.
    #[test]
    fn the_spatial_navigation_action_truth_table() {
        let up = DefaultAction::FocusUp;
        let scroll = DefaultAction::ScrollFocusedContainer {
            direction: ScrollDirection::Up,
            amount: ScrollAmount::Line,
        };

        for found in [true, false] {
            assert_eq!(
                resolve_arrow_action(StyleSpatialNavigationAction::Scroll, up, found, scroll),
                scroll,
                "`scroll` must scroll whether or not a focus target exists (found={found})",
            );
        }

        assert_eq!(
            resolve_arrow_action(StyleSpatialNavigationAction::Focus, up, true, scroll),
            up,
        );
        assert_eq!(
            resolve_arrow_action(StyleSpatialNavigationAction::Focus, up, false, scroll),
            DefaultAction::None,
            "`focus` must NOT fall back to scrolling - that is what it opts out of",
        );

        assert_eq!(
            resolve_arrow_action(StyleSpatialNavigationAction::Auto, up, true, scroll),
            up,
        );
        assert_eq!(
            resolve_arrow_action(StyleSpatialNavigationAction::Auto, up, false, scroll),
            scroll,
            "`auto` is the ordered fallback 9a-i-a shipped",
        );
    }

    /// The property is read off the nearest SCROLL CONTAINER, and this fixture
    /// has no layout tree at all - so every lookup must answer `Auto` rather
    /// than panicking or inventing an override. That is also what keeps this
    /// whole change a no-op for existing behaviour.
    #[test]
    fn a_node_with_no_layout_reports_the_initial_action() {
        let layouts = fixture();
        let focus = button(&layouts);
        assert_eq!(
            spatial_navigation_action(&layouts, &focus),
            StyleSpatialNavigationAction::Auto,
        );
    }

    #[test]
    fn an_arrow_moves_focus_when_something_is_there_to_focus() {
        let layouts = fixture();
        // A live, non-text anchor: the resolver has an origin to search from.
        let focus = button(&layouts);
        let mut moved = 0;
        for (key, focus_action) in [
            (VirtualKeyCode::Up, DefaultAction::FocusUp),
            (VirtualKeyCode::Down, DefaultAction::FocusDown),
            (VirtualKeyCode::Left, DefaultAction::FocusLeft),
            (VirtualKeyCode::Right, DefaultAction::FocusRight),
        ] {
            let action =
                determine_keyboard_default_action(&kbd(key, &[]), Some(focus), &layouts, false)
                    .action;
            // Whichever way this fixture actually has a neighbour, the answer
            // must be EITHER that direction's focus move OR the scroll
            // fallback — never a different direction, and never nothing.
            assert!(
                action == focus_action
                    || matches!(action, DefaultAction::ScrollFocusedContainer { .. }),
                "{key:?} must either move focus {focus_action:?} or fall back to a scroll, \
                 got {action:?}",
            );
            if action == focus_action {
                moved += 1;
            }
        }
        assert!(
            moved > 0,
            "at least one direction in this fixture has a neighbour to focus; if none does, \
             the ordering is untested and the fixture needs a second focusable",
        );
    }

    /// An arrow SCROLLS only when spatial navigation finds nothing.
    ///
    /// CSS Spatial Navigation Level 1 makes this an ORDER, not a choice: look
    /// for a focusable in that direction, and only if there is none does the
    /// arrow scroll. This asserts the fallback half — the cases where no
    /// candidate can resolve, so the scroll is what must happen.
    #[test]
    fn arrow_keys_map_to_their_own_direction_and_scroll_by_line() {
        let layouts = fixture();
        for (key, direction) in [
            (VirtualKeyCode::Up, ScrollDirection::Up),
            (VirtualKeyCode::Down, ScrollDirection::Down),
            (VirtualKeyCode::Left, ScrollDirection::Left),
            (VirtualKeyCode::Right, ScrollDirection::Right),
        ] {
            // No focus at all, and focus anchored in a dom/node that cannot be
            // resolved: spatial navigation has nowhere to search FROM, so the
            // fallback applies.
            for focus in [None, Some(missing_dom()), Some(null_node())] {
                let result =
                    determine_keyboard_default_action(&kbd(key, &[]), focus, &layouts, false);
                assert_eq!(
                    result.action,
                    scroll(direction, ScrollAmount::Line),
                    "{key:?} must scroll one line towards {direction:?} when spatial \
                     navigation finds no candidate"
                );
            }

            // A focused text input claims the arrows for caret movement.
            let result = determine_keyboard_default_action(
                &kbd(key, &[]),
                Some(textarea(&layouts)),
                &layouts,
                false,
            );
            assert_eq!(
                result.action,
                DefaultAction::None,
                "{key:?} in a text input must move the caret, not scroll"
            );
        }
    }

    #[test]
    fn page_keys_scroll_a_page_regardless_of_modifiers_and_focus() {
        let layouts = fixture();
        for (key, direction) in [
            (VirtualKeyCode::PageUp, ScrollDirection::Up),
            (VirtualKeyCode::PageDown, ScrollDirection::Down),
        ] {
            for mods in MOD_SETS {
                for focus in [None, Some(textarea(&layouts)), Some(button(&layouts))] {
                    let result =
                        determine_keyboard_default_action(&kbd(key, mods), focus, &layouts, false);
                    assert_eq!(result.action, scroll(direction, ScrollAmount::Page));
                }
            }
        }
    }

    #[test]
    fn home_and_end_switch_between_scrolling_and_focus_on_ctrl() {
        let layouts = fixture();

        for ctrl in [VirtualKeyCode::LControl, VirtualKeyCode::RControl] {
            let home = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::Home, &[ctrl]),
                None,
                &layouts,
                false,
            );
            assert_eq!(home.action, DefaultAction::FocusFirst);

            let end = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::End, &[ctrl]),
                None,
                &layouts,
                false,
            );
            assert_eq!(end.action, DefaultAction::FocusLast);

            // Ctrl still wins when Shift/Alt are also held.
            let home_shift = determine_keyboard_default_action(
                &kbd(
                    VirtualKeyCode::Home,
                    &[ctrl, VirtualKeyCode::LShift, VirtualKeyCode::LAlt],
                ),
                Some(textarea(&layouts)),
                &layouts,
                false,
            );
            assert_eq!(home_shift.action, DefaultAction::FocusFirst);
        }

        // Without Ctrl: scroll to the document start / end. Note this happens
        // even inside a focused text input (no Home/End caret handling here).
        for focus in [None, Some(textarea(&layouts))] {
            let home = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::Home, &[VirtualKeyCode::LShift]),
                focus,
                &layouts,
                false,
            );
            assert_eq!(
                home.action,
                scroll(ScrollDirection::Up, ScrollAmount::Document)
            );

            let end = determine_keyboard_default_action(
                &kbd(VirtualKeyCode::End, &[]),
                focus,
                &layouts,
                false,
            );
            assert_eq!(
                end.action,
                scroll(ScrollDirection::Down, ScrollAmount::Document)
            );
        }
    }

    #[test]
    fn keys_without_a_default_action_yield_none() {
        let layouts = fixture();
        for key in [
            VirtualKeyCode::F1,
            VirtualKeyCode::Key1,
            VirtualKeyCode::LShift,
            VirtualKeyCode::LControl,
            VirtualKeyCode::LAlt,
        ] {
            for focus in [None, Some(button(&layouts)), Some(textarea(&layouts))] {
                let result =
                    determine_keyboard_default_action(&kbd(key, &[]), focus, &layouts, false);
                assert_eq!(
                    result.action,
                    DefaultAction::None,
                    "{key:?} has no default action"
                );
            }
        }
    }

    // ==================================================================
    // Whole-surface smoke: no panic, deterministic, self-consistent
    // ==================================================================

    #[test]
    fn every_key_modifier_and_focus_combination_is_panic_free_and_deterministic() {
        let layouts = fixture();
        let empty: BTreeMap<DomId, DomLayoutResult> = BTreeMap::new();
        let focus_states = [
            None,
            Some(button(&layouts)),
            Some(div(&layouts)),
            Some(textarea(&layouts)),
            Some(anchor(&layouts)),
            Some(disabled(&layouts)),
            Some(body(&layouts)),
            Some(missing_dom()),
            Some(out_of_bounds_node()),
            Some(null_node()),
            Some(max_node()),
        ];

        for key in ALL_KEYS {
            for mods in MOD_SETS {
                for focus in focus_states {
                    for maps in [&layouts, &empty] {
                        let ks = kbd(*key, mods);
                        let a = determine_keyboard_default_action(&ks, focus, maps, false);
                        let b = determine_keyboard_default_action(&ks, focus, maps, false);
                        assert_eq!(
                            a.action, b.action,
                            "{key:?} must be a pure function of its inputs"
                        );
                        assert_eq!(a.prevented, b.prevented);

                        // An activation can only ever target the focused node.
                        if let DefaultAction::ActivateFocusedElement { target } = a.action {
                            assert_eq!(
                                Some(target),
                                focus,
                                "activation must target the focused node, nothing else"
                            );
                        }
                    }
                }
            }
        }
    }

    // ==================================================================
    // is_element_activatable
    // ==================================================================

    #[test]
    fn is_element_activatable_true_and_false_cases() {
        let layouts = fixture();
        for (node, expected, why) in [
            (
                button(&layouts),
                true,
                "a <button> is inherently activatable",
            ),
            (anchor(&layouts), true, "an <a> is inherently activatable"),
            (
                clickable_p(&layouts),
                true,
                "a click callback grants activation behaviour",
            ),
            (
                role_only(&layouts),
                true,
                "the CheckButton a11y role grants activation behaviour",
            ),
            (
                div(&layouts),
                false,
                "a plain <div> has no activation behaviour",
            ),
            (body(&layouts), false, "the root <body> is not activatable"),
            (textarea(&layouts), false, "a text input is not activatable"),
            (
                disabled(&layouts),
                false,
                "an Unavailable control is not activatable",
            ),
        ] {
            assert_eq!(is_element_activatable(&node, &layouts), expected, "{why}");
        }
    }

    #[test]
    fn is_element_activatable_rejects_every_unresolvable_node_id() {
        let layouts = fixture();
        let empty: BTreeMap<DomId, DomLayoutResult> = BTreeMap::new();

        for node in [missing_dom(), out_of_bounds_node(), null_node(), max_node()] {
            assert!(!is_element_activatable(&node, &layouts));
        }

        // A valid id, but no layout results at all.
        assert!(!is_element_activatable(&button(&layouts), &empty));
        assert!(!is_element_activatable(&dom_node(0), &empty));
    }

    // ==================================================================
    // is_text_input
    // ==================================================================

    #[test]
    fn is_text_input_true_and_false_cases() {
        let layouts = fixture();
        for (node, expected, why) in [
            (
                textarea(&layouts),
                true,
                "a Focus(TextInput) callback marks a text input",
            ),
            (
                anchor(&layouts),
                true,
                "even an <a> counts if it has a TextInput callback",
            ),
            (button(&layouts), false, "a <button> is not a text input"),
            (div(&layouts), false, "a plain <div> is not a text input"),
            (body(&layouts), false, "the root <body> is not a text input"),
            (
                clickable_p(&layouts),
                false,
                "a non-TextInput callback must not be mistaken for a text input",
            ),
            (
                disabled(&layouts),
                false,
                "a disabled control is not a text input",
            ),
        ] {
            assert_eq!(is_text_input(&node, &layouts), expected, "{why}");
        }
    }

    #[test]
    fn is_text_input_rejects_every_unresolvable_node_id() {
        let layouts = fixture();
        let empty: BTreeMap<DomId, DomLayoutResult> = BTreeMap::new();

        for node in [missing_dom(), out_of_bounds_node(), null_node(), max_node()] {
            assert!(!is_text_input(&node, &layouts));
        }

        assert!(!is_text_input(&textarea(&layouts), &empty));
        assert!(!is_text_input(&dom_node(0), &empty));
    }

    #[test]
    fn predicates_are_pure_and_never_both_wrong_for_the_body_root() {
        let layouts = fixture();
        let root = body(&layouts);
        assert_eq!(
            is_element_activatable(&root, &layouts),
            is_element_activatable(&root, &layouts)
        );
        assert_eq!(
            is_text_input(&root, &layouts),
            is_text_input(&root, &layouts)
        );
        assert!(!is_element_activatable(&root, &layouts));
        assert!(!is_text_input(&root, &layouts));
    }

    // ==================================================================
    // default_action_to_focus_target
    // ==================================================================

    /// Every `DefaultAction` variant, so the mapping test cannot silently miss
    /// a newly added one.
    fn all_default_actions() -> Vec<DefaultAction> {
        let node = dom_node(1);
        let mut v = vec![
            DefaultAction::FocusNext,
            DefaultAction::FocusPrevious,
            DefaultAction::FocusFirst,
            DefaultAction::FocusLast,
            DefaultAction::FocusUp,
            DefaultAction::FocusDown,
            DefaultAction::FocusLeft,
            DefaultAction::FocusRight,
            DefaultAction::ClearFocus,
            DefaultAction::ActivateFocusedElement { target: node },
            DefaultAction::SubmitForm { form_node: node },
            DefaultAction::CloseModal { modal_node: node },
            DefaultAction::SelectAllText,
            DefaultAction::None,
        ];
        for direction in [
            ScrollDirection::Up,
            ScrollDirection::Down,
            ScrollDirection::Left,
            ScrollDirection::Right,
        ] {
            for amount in [
                ScrollAmount::Line,
                ScrollAmount::Page,
                ScrollAmount::Document,
            ] {
                v.push(scroll(direction, amount));
            }
        }
        v
    }

    #[test]
    fn focus_actions_map_to_their_focus_target() {
        for (action, target) in [
            (DefaultAction::FocusNext, FocusTarget::Next),
            (DefaultAction::FocusPrevious, FocusTarget::Previous),
            (DefaultAction::FocusFirst, FocusTarget::First),
            (DefaultAction::FocusLast, FocusTarget::Last),
            (
                DefaultAction::FocusUp,
                FocusTarget::Directional(FocusDirection::Up),
            ),
            (
                DefaultAction::FocusDown,
                FocusTarget::Directional(FocusDirection::Down),
            ),
            (
                DefaultAction::FocusLeft,
                FocusTarget::Directional(FocusDirection::Left),
            ),
            (
                DefaultAction::FocusRight,
                FocusTarget::Directional(FocusDirection::Right),
            ),
            (DefaultAction::ClearFocus, FocusTarget::NoFocus),
        ] {
            assert_eq!(default_action_to_focus_target(&action), Some(target));
        }
    }

    /// Each D-pad direction asks for the matching spatial move, and nothing
    /// else on the pad asks for anything.
    #[test]
    fn the_dpad_drives_spatial_focus_and_the_rest_of_the_pad_does_not() {
        use azul_core::gamepad::GamepadButton;
        for (button, want) in [
            (GamepadButton::DPadUp, DefaultAction::FocusUp),
            (GamepadButton::DPadDown, DefaultAction::FocusDown),
            (GamepadButton::DPadLeft, DefaultAction::FocusLeft),
            (GamepadButton::DPadRight, DefaultAction::FocusRight),
        ] {
            assert_eq!(determine_gamepad_default_action(button.bit()), want);
        }
        // Nothing pressed asks for nothing.
        assert_eq!(determine_gamepad_default_action(0), DefaultAction::None);
        // The face buttons are deliberately unbound: "A activates" is a
        // platform convention (it is B on Nintendo layouts), not a fact.
        for button in [
            GamepadButton::South,
            GamepadButton::East,
            GamepadButton::North,
            GamepadButton::West,
        ] {
            assert_eq!(
                determine_gamepad_default_action(button.bit()),
                DefaultAction::None,
                "{button:?} must not move focus",
            );
        }
    }

    /// A diagonal must still move, rather than answering "nothing" at the
    /// moment the user is moving fastest.
    #[test]
    fn a_diagonal_dpad_press_resolves_to_one_direction() {
        use azul_core::gamepad::GamepadButton;
        let up_right = GamepadButton::DPadUp.bit() | GamepadButton::DPadRight.bit();
        assert_eq!(
            determine_gamepad_default_action(up_right),
            DefaultAction::FocusUp,
        );
        let down_left = GamepadButton::DPadDown.bit() | GamepadButton::DPadLeft.bit();
        assert_eq!(
            determine_gamepad_default_action(down_left),
            DefaultAction::FocusDown,
        );
    }

    #[test]
    fn mapping_is_some_exactly_for_focus_actions() {
        for action in all_default_actions() {
            let is_focus_action = matches!(
                action,
                DefaultAction::FocusNext
                    | DefaultAction::FocusPrevious
                    | DefaultAction::FocusFirst
                    | DefaultAction::FocusLast
                    | DefaultAction::FocusUp
                    | DefaultAction::FocusDown
                    | DefaultAction::FocusLeft
                    | DefaultAction::FocusRight
                    | DefaultAction::ClearFocus
            );
            let mapped = default_action_to_focus_target(&action);
            assert_eq!(
                mapped.is_some(),
                is_focus_action,
                "{action:?} must map to a FocusTarget iff it is a focus action"
            );
            // Non-focus actions (activation, scrolling, ...) must never be
            // turned into a focus move.
            if !is_focus_action {
                assert_eq!(mapped, None);
            }
        }
    }

    #[test]
    fn mapping_is_injective_over_the_focus_actions() {
        let mapped: Vec<FocusTarget> = all_default_actions()
            .iter()
            .filter_map(default_action_to_focus_target)
            .collect();
        assert_eq!(
            mapped.len(),
            9,
            "nine actions move focus: next/previous/first/last, the four \
             directional ones, and clear",
        );
        let mut deduped = mapped.clone();
        deduped.sort();
        deduped.dedup();
        assert_eq!(
            deduped.len(),
            mapped.len(),
            "two different focus actions must not collapse onto the same FocusTarget"
        );
    }

    #[test]
    fn mapping_is_usable_in_a_const_context() {
        const NEXT: Option<FocusTarget> = default_action_to_focus_target(&DefaultAction::FocusNext);
        const NOTHING: Option<FocusTarget> =
            default_action_to_focus_target(&DefaultAction::SelectAllText);
        assert_eq!(NEXT, Some(FocusTarget::Next));
        assert_eq!(NOTHING, None);
    }

    // ==================================================================
    // Round trip: key press -> DefaultAction -> FocusTarget
    // ==================================================================

    #[test]
    fn key_presses_round_trip_through_to_the_focus_manager() {
        let layouts = fixture();
        let focus = Some(button(&layouts));

        for (key, mods, expected) in [
            (VirtualKeyCode::Tab, &[][..], Some(FocusTarget::Next)),
            (
                VirtualKeyCode::Tab,
                &[VirtualKeyCode::LShift][..],
                Some(FocusTarget::Previous),
            ),
            (
                VirtualKeyCode::Home,
                &[VirtualKeyCode::LControl][..],
                Some(FocusTarget::First),
            ),
            (
                VirtualKeyCode::End,
                &[VirtualKeyCode::LControl][..],
                Some(FocusTarget::Last),
            ),
            (VirtualKeyCode::Escape, &[][..], Some(FocusTarget::NoFocus)),
            // Not a focus action: activation must not reach the focus manager.
            (VirtualKeyCode::Return, &[][..], None),
            (VirtualKeyCode::PageDown, &[][..], None),
        ] {
            let action =
                determine_keyboard_default_action(&kbd(key, mods), focus, &layouts, false).action;
            assert_eq!(
                default_action_to_focus_target(&action),
                expected,
                "{key:?} + {mods:?} round-trips to the wrong FocusTarget"
            );
        }
    }

    #[test]
    fn a_prevented_key_press_never_reaches_the_focus_manager() {
        let layouts = fixture();
        for key in ALL_KEYS {
            for mods in MOD_SETS {
                let action = determine_keyboard_default_action(
                    &kbd(*key, mods),
                    Some(button(&layouts)),
                    &layouts,
                    true,
                )
                .action;
                assert_eq!(
                    default_action_to_focus_target(&action),
                    None,
                    "{key:?} was prevented, so focus must not move"
                );
            }
        }
    }
}
