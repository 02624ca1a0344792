namespace ComplianceRules.Testing;

/// <summary>Finds the repository's folders (fixtures/, docs/) from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ComplianceRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ComplianceRules.sln not found above " + AppContext.BaseDirectory);
    }
}
