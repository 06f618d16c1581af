namespace Ctem.Plugins.Parsers.Toml;

/// <summary>A TOML date, time or date-time, kept as written: lockfiles only carry them as metadata.</summary>
internal sealed record TomlDateTime(string Text);
