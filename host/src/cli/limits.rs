//! Command-line flags for render budgets, shared by every command that
//! renders or compiles: `--render-cpu pdf=5s`, `--render-memory png=256MiB`,
//! `--compile-cpu 10s`, `--compile-memory 1GiB`.

use clap::Args;
use folio::contain::{Budget, Budgets};
use folio::render::{Format, RenderLimits};
use std::time::Duration;

#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// CPU time one render in FORMAT may use, e.g. `pdf=5s` or `html=500ms`
    /// (repeatable; defaults: html, text, json 1s; pdf 10s; png 2s).
    #[arg(long = "render-cpu", value_name = "FORMAT=TIME", global = true, value_parser = parse_format_time)]
    render_cpu: Vec<(Format, Duration)>,
    /// Memory one render in FORMAT may allocate, e.g. `png=256MiB`
    /// (repeatable; defaults: html, text, json 256MiB; pdf 1GiB; png 512MiB).
    #[arg(long = "render-memory", value_name = "FORMAT=SIZE", global = true, value_parser = parse_format_size)]
    render_memory: Vec<(Format, usize)>,
    /// CPU time verifying and compiling one bundle may use (default 30s).
    #[arg(long = "compile-cpu", value_name = "TIME", global = true, value_parser = parse_duration)]
    compile_cpu: Option<Duration>,
    /// Memory verifying and compiling one bundle may use (default 2GiB).
    #[arg(long = "compile-memory", value_name = "SIZE", global = true, value_parser = parse_size)]
    compile_memory: Option<usize>,
    /// A limit on what templates may do in one render (repeatable):
    /// `block-depth=32`, `include-depth=16`, `iterations=200000`,
    /// `output=8MiB`, `html-depth=128`, `filter-cost=400000000`.
    #[arg(long = "render-limit", value_name = "NAME=VALUE", global = true, value_parser = parse_render_limit)]
    render_limits: Vec<(RenderLimit, u64)>,
}

/// A render limit `--render-limit` sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderLimit {
    BlockDepth,
    IncludeDepth,
    Iterations,
    Output,
    HtmlDepth,
    FilterCost,
}

fn parse_render_limit(text: &str) -> Result<(RenderLimit, u64), String> {
    let (name, value) = text.split_once('=').ok_or_else(|| format!("`{text}`: write NAME=VALUE, e.g. html-depth=128"))?;
    let limit = match name.trim() {
        "block-depth" => RenderLimit::BlockDepth,
        "include-depth" => RenderLimit::IncludeDepth,
        "iterations" => RenderLimit::Iterations,
        "output" => RenderLimit::Output,
        "html-depth" => RenderLimit::HtmlDepth,
        "filter-cost" => RenderLimit::FilterCost,
        other => {
            return Err(format!(
                "`{other}` is not a render limit; use block-depth, include-depth, iterations, output, html-depth or filter-cost"
            ));
        }
    };
    let value = if limit == RenderLimit::Output {
        parse_size(value)? as u64
    } else {
        value.trim().parse::<u64>().ok().filter(|v| *v > 0).ok_or_else(|| format!("`{value}` is not a positive whole number"))?
    };
    Ok((limit, value))
}

impl LimitArgs {
    /// The default render limits with these flags applied.
    pub fn render_limits(&self) -> RenderLimits {
        let mut limits = RenderLimits::default();
        let size = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
        for (limit, value) in &self.render_limits {
            match limit {
                RenderLimit::BlockDepth => limits.max_block_depth = size(*value),
                RenderLimit::IncludeDepth => limits.max_include_depth = size(*value),
                RenderLimit::Iterations => limits.max_iterations = *value,
                RenderLimit::Output => limits.max_output_bytes = size(*value),
                RenderLimit::HtmlDepth => limits.max_html_depth = size(*value),
                RenderLimit::FilterCost => limits.max_filter_cost = *value as f64,
            }
        }
        limits
    }

    /// The default budgets with these flags applied.
    pub fn budgets(&self) -> Budgets {
        let mut budgets = Budgets::default();
        for (format, cpu) in &self.render_cpu {
            budgets.for_format_mut(*format).cpu = *cpu;
        }
        for (format, memory) in &self.render_memory {
            budgets.for_format_mut(*format).memory = *memory;
        }
        let compile = &mut budgets.compile;
        *compile = Budget { cpu: self.compile_cpu.unwrap_or(compile.cpu), memory: self.compile_memory.unwrap_or(compile.memory) };
        budgets
    }
}

/// `500ms`, `2s`, `1.5s`, `2m`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = text.split_at(text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len()));
    let value: f64 = number.parse().map_err(|_| format!("`{text}` is not a time such as 500ms, 2s or 1m"))?;
    let seconds = match unit {
        "ms" => value / 1000.0,
        "s" | "" => value,
        "m" => value * 60.0,
        _ => return Err(format!("`{text}`: use ms, s or m")),
    };
    if !(seconds.is_finite() && seconds > 0.0 && seconds <= 3600.0) {
        return Err(format!("`{text}` must be more than 0 and at most an hour"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// `512KiB`, `256MiB`, `2GiB`, or bytes.
pub fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (number, unit) = text.split_at(text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len()));
    let value: u64 = number.parse().map_err(|_| format!("`{text}` is not a size such as 256MiB or 1GiB"))?;
    let shift = match unit {
        "" | "B" => 0,
        "KiB" => 10,
        "MiB" => 20,
        "GiB" => 30,
        _ => return Err(format!("`{text}`: use KiB, MiB or GiB")),
    };
    let bytes = value.checked_shl(shift).filter(|b| b >> shift == value).ok_or_else(|| format!("`{text}` is too large"))?;
    if bytes < (1 << 20) {
        return Err(format!("`{text}` is less than 1MiB, too little to render anything"));
    }
    usize::try_from(bytes).map_err(|_| format!("`{text}` is too large"))
}

fn split_format(text: &str) -> Result<(Format, &str), String> {
    let (name, value) = text.split_once('=').ok_or_else(|| format!("`{text}`: write FORMAT=VALUE, e.g. pdf=5s"))?;
    let format = Format::from_name(name.trim()).ok_or_else(|| format!("`{name}` is not a format; use html, text, json, pdf or png"))?;
    Ok((format, value))
}

fn parse_format_time(text: &str) -> Result<(Format, Duration), String> {
    let (format, value) = split_format(text)?;
    Ok((format, parse_duration(value)?))
}

fn parse_format_size(text: &str) -> Result<(Format, usize), String> {
    let (format, value) = split_format(text)?;
    Ok((format, parse_size(value)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_sizes_parse_with_their_units() {
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("2s").unwrap(), Duration::from_secs(2));
        assert_eq!(parse_duration("1m").unwrap(), Duration::from_secs(60));
        assert!(parse_duration("0s").is_err() && parse_duration("2h").is_err() && parse_duration("x").is_err());
        assert_eq!(parse_size("256MiB").unwrap(), 256 << 20);
        assert_eq!(parse_size("1GiB").unwrap(), 1 << 30);
        assert!(parse_size("12KiB").is_err() && parse_size("99999999999GiB").is_err() && parse_size("1GB").is_err());
        assert_eq!(parse_format_time("pdf=5s").unwrap(), (Format::Pdf, Duration::from_secs(5)));
        assert!(parse_format_time("docx=5s").unwrap_err().contains("not a format"));
    }
}
