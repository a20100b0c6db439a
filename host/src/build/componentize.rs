//! Turning a core Wasm module into a component with `wit-component`.

use super::BuildError;

/// Wraps the core module `core` (built with wit-bindgen, which embeds the
/// world's type information) into a component. A module that is already a
/// component is returned unchanged.
pub fn componentize(core: &[u8]) -> Result<Vec<u8>, BuildError> {
    if wasmparser::Parser::is_component(core) {
        return Ok(core.to_vec());
    }
    if !wasmparser::Parser::is_core_wasm(core) {
        return Err(BuildError::NotWasm);
    }
    wit_component::ComponentEncoder::default()
        .module(core)
        .map_err(|e| BuildError::NoComponentType(format!("{e:#}")))?
        .validate(true)
        .encode()
        .map_err(|e| BuildError::Componentize(format!("{e:#}")))
}
