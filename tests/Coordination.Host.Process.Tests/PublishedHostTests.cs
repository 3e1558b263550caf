using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Coordination.Host.Tests;

/// <summary>The published site started as a service manager starts it: <c>dotnet
/// /opt/app/Coordination.Host.dll</c> from another working directory. It must find its
/// wwwroot and appsettings.json in its own folder.</summary>
[TestFixture]
public sealed partial class PublishedHostTests
{
    [Test]
    public async Task Started_from_another_folder_the_published_site_serves_its_styles_and_reads_its_settings()
    {
        var root = Path.Combine(Path.GetTempPath(), "coordination-publish-" + Guid.NewGuid().ToString("N"));
        var app = Path.Combine(root, "app");
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "srv")).FullName;
        var data = Path.Combine(root, "data");
        try
        {
            await RunAsync("dotnet", $"publish \"{HostProject()}\" --no-build -c {Configuration()} -o \"{app}\" -nologo -v q", Repository());
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(app, "Coordination.Host.dll")}\"")
            {
                WorkingDirectory = elsewhere,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Coordination__DataDirectory"] = data;
            start.Environment["Coordination__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
            start.Environment["Coordination__Jobs__Enabled"] = "false";
            start.Environment["Coordination__Bootstrap__AdminEmail"] = CoordinationApp.AdminEmail;
            start.Environment["Coordination__Bootstrap__AdminPassword"] = CoordinationApp.AdminPassword;
            using var process = Process.Start(start)!;
            var output = new List<string>();
            process.OutputDataReceived += (_, e) => { lock (output) { output.Add(e.Data ?? ""); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.Add(e.Data ?? ""); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var cookies = new CookieContainer();
                using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitUntilReadyAsync(client, process, output);
                // The publish made its databases with its own `migrate`; the new site started from copies.
                Assert.That(Directory.GetFiles(Path.Combine(app, "database-templates")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "identity.db", "membership.db", "events.db", "peerreview.db", "surveys.db", "dissemination.db", "monitoring.db" }));
                lock (output)
                {
                    Assert.That(output.Count(l => l.Contains("created from the template of this build", StringComparison.Ordinal)), Is.EqualTo(7), () => string.Join("\n", output));
                }

                var css = await client.GetAsync("/css/site.css");
                Assert.That(css.StatusCode, Is.EqualTo(HttpStatusCode.OK), "wwwroot of the application's folder");
                Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));

                // appsettings.json names the sender "Koordinaatio" (the code's default is "Coordination").
                var form = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["email"] = CoordinationApp.AdminEmail });
                Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                // The mail leaves through the queue a moment after the answer.
                var pickup = Path.Combine(data, "mail-pickup");
                var files = await Eventually.WaitForAsync(() => Task.FromResult(Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml") : []), f => f.Length > 0);
                var mail = MimeKit.MimeMessage.Load(files.Single());
                Assert.That(mail.From.Mailboxes.Single().Name, Is.EqualTo("Koordinaatio"), "appsettings.json of the application's folder");
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, Process process, List<string> output)
    {
        // Three minutes: a cold start that migrates every module took more than one on a loaded machine.
        for (var i = 0; i < 1800; i++)
        {
            Assert.That(process.HasExited, Is.False, () => "The host stopped: " + string.Join("\n", output.TakeLast(40)));
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("The host did not start: " + string.Join("\n", output.TakeLast(40)));
    }

    private static async Task RunAsync(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, () => $"{file} {arguments}: {stdout.Result}{stderr.Result}");
    }

    /// <summary>The folder of Coordination.sln, above the test's output folder.</summary>
    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Coordination.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Coordination.sln not found above " + AppContext.BaseDirectory);
    }

    private static string HostProject() => Path.Combine(Repository(), "Host", "Coordination.Host", "Coordination.Host.csproj");

    /// <summary>Debug or Release, as this test was built (…/bin/Release/net10.0/).</summary>
    private static string Configuration() => ConfigurationPattern().Match(AppContext.BaseDirectory) is { Success: true } m ? m.Groups[1].Value : "Debug";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"[\\/]bin[\\/]([^\\/]+)[\\/]net")]
    private static partial Regex ConfigurationPattern();
}
