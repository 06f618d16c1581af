namespace Ctem.Core.Model;

/// <summary>Whether a purl type's definition requires, allows or forbids a namespace.</summary>
internal enum NamespaceRule
{
    Optional,
    Required,
    Prohibited,
}

/// <summary>The components a purl type's definition declares case-insensitive, whose canonical form is lowercase.</summary>
[Flags]
internal enum CaseFolding
{
    None = 0,
    Namespace = 1,
    Name = 2,
    Version = 4,
    Subpath = 8,
}

/// <summary>The generic part of one registered purl type definition (<c>types/*-definition.json</c>).</summary>
internal sealed record PackageUrlType(NamespaceRule Namespace, CaseFolding Lowercase, params string[] RequiredQualifiers);
