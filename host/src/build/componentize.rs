//! Turning a core Wasm module into a component with `wit-component`.

/// Wraps the core module `core` (built with wit-bindgen, which embeds the
/// world's type information) into a component. A module that is already a
/// component is returned unchanged.
pub fn componentize(core: &[u8]) -> Result<Vec<u8>, String> {
    if wasmparser::Parser::is_component(core) {
        return Ok(core.to_vec());
    }
    if !wasmparser::Parser::is_core_wasm(core) {
        return Err("the build output is not a WebAssembly module".into());
    }
    wit_component::ComponentEncoder::default()
        .module(core)
        .map_err(|e| format!("the module has no usable component type information (was it built with the folio-plugin SDK?): {e:#}"))?
        .validate(true)
        .encode()
        .map_err(|e| format!("could not turn the module into a component: {e:#}"))
}
