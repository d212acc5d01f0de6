namespace Conversational.Testing;

/// <summary>Finds the repository and its build outputs from wherever the tests run.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Conversational.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Conversational.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The host's own build output (the test project references it, so it is built first).</summary>
    public static string HostAssembly()
    {
        // Tests run from bin/<Configuration>/net10.0/linux-x64/; the host is built with the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var path = Path.Combine(Root(), "bots", "Conversational.Host", "bin", configuration, "net10.0", "linux-x64", "Conversational.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first.", path);
    }
}
