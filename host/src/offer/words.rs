//! What the host itself says on an offer's page, in the customer's
//! language: notices above the document and messages next to fields.

use super::{FieldError, FieldProblem};
use crate::render::Lang;

/// A message above the document on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// An accept named a snapshot that is no longer the current offer.
    Changed,
    /// The offer is past its validity, or the link has expired.
    Expired,
    /// The form was not one this page served (no or a wrong nonce).
    StaleForm,
    /// Some inputs were wrong; the fields say which.
    CheckFields,
}

impl Notice {
    /// The notice in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Notice::Changed, Lang::En) => "The offer changed; please review it.",
            (Notice::Changed, Lang::Ms) => "Tawaran telah berubah; sila semak semula.",
            (Notice::Changed, Lang::ZhCn) => "报价已更新，请重新查看。",
            (Notice::Changed, Lang::ZhTw) => "報價已更新，請重新檢視。",
            (Notice::Expired, Lang::En) => "This offer has expired and can no longer be accepted.",
            (Notice::Expired, Lang::Ms) => "Tawaran ini telah tamat tempoh dan tidak boleh diterima lagi.",
            (Notice::Expired, Lang::ZhCn) => "此报价已过期，无法再接受。",
            (Notice::Expired, Lang::ZhTw) => "此報價已過期，無法再接受。",
            (Notice::StaleForm, Lang::En) => "This form is out of date. Please try again on the page below.",
            (Notice::StaleForm, Lang::Ms) => "Borang ini sudah lapuk. Sila cuba lagi pada halaman di bawah.",
            (Notice::StaleForm, Lang::ZhCn) => "此表单已过期，请在下方页面重试。",
            (Notice::StaleForm, Lang::ZhTw) => "此表單已過期，請在下方頁面重試。",
            (Notice::CheckFields, Lang::En) => "Please check the highlighted fields.",
            (Notice::CheckFields, Lang::Ms) => "Sila semak ruangan yang ditandakan.",
            (Notice::CheckFields, Lang::ZhCn) => "请检查标出的字段。",
            (Notice::CheckFields, Lang::ZhTw) => "請檢查標示的欄位。",
        }
    }
}

/// The message shown next to a field the customer got wrong, in `lang`.
pub fn field_message(error: &FieldError, lang: Lang) -> String {
    match (&error.problem, lang) {
        (FieldProblem::Required, Lang::En) => "Please fill this in.".into(),
        (FieldProblem::Required, Lang::Ms) => "Sila isi ruangan ini.".into(),
        (FieldProblem::Required, Lang::ZhCn) => "请填写此项。".into(),
        (FieldProblem::Required, Lang::ZhTw) => "請填寫此項。".into(),
        (FieldProblem::Below { limit }, Lang::En) => format!("Please enter {limit} or more."),
        (FieldProblem::Below { limit }, Lang::Ms) => format!("Sila masukkan {limit} atau lebih."),
        (FieldProblem::Below { limit }, Lang::ZhCn) => format!("请输入不小于 {limit} 的数。"),
        (FieldProblem::Below { limit }, Lang::ZhTw) => format!("請輸入不小於 {limit} 的數。"),
        (FieldProblem::Above { limit }, Lang::En) => format!("Please enter {limit} or less."),
        (FieldProblem::Above { limit }, Lang::Ms) => format!("Sila masukkan {limit} atau kurang."),
        (FieldProblem::Above { limit }, Lang::ZhCn) => format!("请输入不大于 {limit} 的数。"),
        (FieldProblem::Above { limit }, Lang::ZhTw) => format!("請輸入不大於 {limit} 的數。"),
        (FieldProblem::WrongType { .. }, Lang::En) => "Please enter a valid value.".into(),
        (FieldProblem::WrongType { .. }, Lang::Ms) => "Sila masukkan nilai yang sah.".into(),
        (FieldProblem::WrongType { .. }, Lang::ZhCn) => "请输入有效的值。".into(),
        (FieldProblem::WrongType { .. }, Lang::ZhTw) => "請輸入有效的值。".into(),
        (_, Lang::En) => "Please choose one of the options offered.".into(),
        (_, Lang::Ms) => "Sila pilih salah satu pilihan yang ditawarkan.".into(),
        (_, Lang::ZhCn) => "请从提供的选项中选择。".into(),
        (_, Lang::ZhTw) => "請從提供的選項中選擇。".into(),
    }
}
