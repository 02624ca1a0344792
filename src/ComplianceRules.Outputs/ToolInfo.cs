using System.Reflection;

namespace ComplianceRules.Outputs;

/// <summary>The tool's name and version, as every output states them.</summary>
public static class ToolInfo
{
    public const string Name = "ComplianceRules";

    /// <summary>
    /// The default base that rule help links (<c>docs/rules/CSCxxxx.md</c>) resolve against: a
    /// placeholder host, since where the docs are published is the installer's choice
    /// (<c>--docs-base-uri</c>).
    /// </summary>
    public static Uri DocsBase { get; } = new("https://compliancerules.local/");

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
