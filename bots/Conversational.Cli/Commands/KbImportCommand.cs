using System.CommandLine;
using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Articles.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Cli.Commands;

/// <summary>
/// <c>kb import FILE</c>: knowledge from a Markdown folder or file, CSV or JSON into the store, all or nothing, matched by
/// id (an unchanged entry gets no new version). Problems go to stderr as <c>file:line: reason</c>, and nothing is imported.
/// </summary>
internal static class KbImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A Markdown folder, or a .md, .csv or .json file" };
        var by = new Option<string>("--by")
        {
            Description = "Who the versions are recorded as made by",
            DefaultValueFactory = _ => Environment.UserName,
        };

        var import = new Command("import", "Import knowledge into the knowledge base (formats: knowledge/README.md)") { file, by };
        import.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(file), parse.GetRequiredValue(by), cancellationToken));
        return import;
    }

    private static async Task<int> RunAsync(string path, string by, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            await Console.Error.WriteLineAsync($"file not found: {path}");
            return InputFiles.MissingExitCode;
        }

        IReadOnlyList<KnowledgeContent> contents;
        try
        {
            contents = await KnowledgeFiles.ReadAsync(path, cancellationToken);
        }
        catch (KnowledgeImportException exception)
        {
            foreach (var problem in exception.Problems)
            {
                await Console.Error.WriteLineAsync(problem.ToString());
            }

            await Console.Error.WriteLineAsync($"Nothing was imported from {path} ({exception.Problems.Count} problem(s)).");
            return 1;
        }

        using var host = CliHost.Build();
        // Starting the host migrates the store.
        await host.StartAsync(cancellationToken);
        try
        {
            var result = await host.Services.GetRequiredService<SqlKnowledgeStore>().ImportAsync(contents, $"kb import ({by})", cancellationToken);
            Console.WriteLine($"{path}: {result.Created.Count} created, {result.Updated.Count} updated, {result.Unchanged.Count} unchanged.");
            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
