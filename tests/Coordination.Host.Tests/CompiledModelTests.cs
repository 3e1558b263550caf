// EF's own design-time services, as `dotnet ef dbcontext optimize` (build/compile-models.sh) uses them.
#pragma warning disable EF1001
using System.Text.RegularExpressions;
using Coordination.Host.Identity;
using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;

namespace Coordination.Host.Tests;

/// <summary>A SQLite database's model comes from its committed compiled model, not from the model
/// code (issue 20: a start skipped building them). So each one must be what EF generates from
/// today's model code: a model change without `build/compile-models.sh` fails here.</summary>
public sealed partial class CompiledModelTests() : AppFixture(Provider.Sqlite)
{
    [Test]
    public async Task Every_sqlite_database_runs_on_a_compiled_model_generated_from_todays_model()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var contexts = App.Services.GetRequiredService<ModuleCatalog>().Databases.Select(d => d.ContextType).Append(typeof(IdentityDb));
        var output = Directory.CreateTempSubdirectory("compiled-models-");
        try
        {
            var stale = new List<string>();
            foreach (var type in contexts)
            {
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(type);
                var compiledType = context.Model.GetType();
                Assert.That(compiledType.Namespace, Does.EndWith(".CompiledModel"), $"{context.GetType().Name} has no compiled model: run build/compile-models.sh");

                var generated = Path.Combine(output.FullName, context.GetType().Name);
                var services = new DesignTimeServicesBuilder(context.GetType().Assembly, typeof(Program).Assembly, new OperationReporter(handler: null), []).Build(context);
                services.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
                    context.GetService<IDesignTimeModel>().Model,
                    generated,
                    new CompiledModelCodeGenerationOptions
                    {
                        ContextType = context.GetType(),
                        ModelNamespace = compiledType.Namespace!,
                        Language = "C#",
                        UseNullableReferenceTypes = true,
                        GeneratedFileNames = new HashSet<string>(),
                    });

                var committed = CommittedFolder(compiledType);
                var names = Directory.GetFiles(generated).Select(Path.GetFileName).Order().ToList();
                var committedNames = Directory.GetFiles(committed).Select(Path.GetFileName).Order().ToList();
                foreach (var name in names.Union(committedNames))
                {
                    var difference = FirstDifference(Path.Combine(committed, name!), Path.Combine(generated, name!));
                    if (difference is not null)
                    {
                        stale.Add($"{SourceTree.Relative(committed)}/{name}: {difference}");
                    }
                }
            }

            Assert.That(stale, Is.Empty, "Out of date (run build/compile-models.sh)");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>Null when the committed file is what the generator wrote (with module types
    /// internal, as build/compile-models.sh leaves them).</summary>
    private static string? FirstDifference(string committed, string generated)
    {
        if (!File.Exists(committed) || !File.Exists(generated))
        {
            return File.Exists(committed) ? "no longer generated" : "not committed";
        }

        var expected = Comparable(File.ReadAllText(generated).Replace("public partial class", "internal partial class", StringComparison.Ordinal));
        var actual = Comparable(File.ReadAllText(committed));
        for (var line = 0; line < Math.Max(expected.Length, actual.Length); line++)
        {
            var want = line < expected.Length ? expected[line] : "(end)";
            var have = line < actual.Length ? actual[line] : "(end)";
            if (want != have)
            {
                return $"line {line + 1} is \"{have.Trim()}\", generated \"{want.Trim()}\"";
            }
        }

        return null;
    }

    /// <summary>Each generation gives the model a new random id.</summary>
    private static string[] Comparable(string code) => ModelId().Replace(code, "modelId: new Guid()").Split('\n');

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();

    /// <summary>Coordination.Events.Data.CompiledModel → Modules/Events/Coordination.Events/Data/CompiledModel.</summary>
    private static string CommittedFolder(Type compiledModel)
    {
        var assembly = compiledModel.Assembly.GetName().Name!;
        var top = assembly == typeof(Program).Assembly.GetName().Name ? "Host" : "Modules";
        var project = SourceTree.Files(top, assembly + ".csproj").Single();
        var relative = compiledModel.Namespace![(assembly.Length + 1)..].Replace('.', Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(project)!, relative);
    }
}
