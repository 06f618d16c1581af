namespace Ctem.Core.Model;

/// <summary>
/// Where code scanning shows a finding: a file relative to the directory the scan read (its root), and the line where
/// the format gives one. Kept with each finding, so a later listing places it as the scan did.
/// </summary>
/// <param name="Root">The scan's root directory, an absolute path; null when the path is relative to a root Ctem does not know (a scanner's own).</param>
/// <param name="Path">The file relative to <paramref name="Root"/>, with <c>/</c> separators.</param>
/// <param name="Line">One-based; null when the format gives no line.</param>
public sealed record FilePlace(string? Root, string Path, int? Line);
