namespace Ctem.Plugins.Parsers.Spdx;

/// <summary>One <c>Tag: value</c> of an SPDX tag-value document; a multi-line <c>&lt;text&gt;</c> value is joined.</summary>
/// <param name="Line">One-based line of the tag.</param>
internal readonly record struct SpdxTag(int Line, string Name, string Value);
