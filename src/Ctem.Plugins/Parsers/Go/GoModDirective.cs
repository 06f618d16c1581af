namespace Ctem.Plugins.Parsers.Go;

/// <summary>One go.mod directive line, in a block or alone: its verb, its arguments and whether it is marked indirect.</summary>
internal sealed record GoModDirective(string Verb, IReadOnlyList<string> Arguments, bool Indirect, int Line);
