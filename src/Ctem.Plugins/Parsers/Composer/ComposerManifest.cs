using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Composer;

/// <summary>What composer.json adds to its lock: the product and the lowercased package names it requires itself.</summary>
internal sealed record ComposerManifest(ProductRef? Product, IReadOnlySet<string> Requires);
