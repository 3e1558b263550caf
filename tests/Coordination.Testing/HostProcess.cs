using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Coordination.Testing;

/// <summary>The built host (Coordination.Host.dll next to the test assembly) as a process of
/// its own, on a <see cref="TestDatabase"/>, with Hangfire on: what an operator runs. Its output
/// is kept for assertions and failure messages.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private bool _disposed;

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public int Port { get; }

    /// <summary>A client of this instance (a bearer token once <see cref="SignInAsync"/> ran).</summary>
    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the host; <paramref name="smtp"/> null writes mail to the pickup folder.
    /// <paramref name="settings"/> are environment variables (<c>Section__Key</c>) over the defaults.</summary>
    public static HostProcess Start(TestDatabase database, SmtpServer? smtp, int? port = null, IDictionary<string, string>? settings = null)
    {
        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "Coordination.Host.dll")}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = database.DataDirectory,
        };
        var values = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{chosen}",
            ["Coordination__DataDirectory"] = database.DataDirectory,
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__Coordination"] = database.ConnectionString ?? "",
            ["Coordination__Jobs__Enabled"] = "true",
            ["Coordination__Email__FromAddress"] = "uutiskirje@example.fi",
            ["Coordination__PublicBaseUrl"] = "https://koordinaatio.example.fi",
            ["Coordination__Bootstrap__AdminEmail"] = CoordinationApp.AdminEmail,
            ["Coordination__Bootstrap__AdminPassword"] = CoordinationApp.AdminPassword,
            ["Coordination__RateLimits__SignInPerMinute"] = "10000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (smtp is not null)
        {
            values["Coordination__Email__SmtpHost"] = "127.0.0.1";
            values["Coordination__Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
            values["Coordination__Email__SmtpSecurity"] = "None";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        foreach (var (key, value) in values)
        {
            start.Environment[key] = value;
        }

        var host = new HostProcess(Process.Start(start)!, chosen);
        host._process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until /health/ready answers 200 (migrations applied, databases reachable);
    /// generously, since a start on a busy two-core machine can take a minute.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var until = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < until)
        {
            Assert.That(_process.HasExited, Is.False, () => "The host stopped: " + Tail());
            try
            {
                if ((await Client.GetAsync("/health/ready")).StatusCode is HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("The host did not start: " + Tail());
    }

    /// <summary>Signs <see cref="Client"/> in with a bearer token.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var token = await Client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password });
        token.EnsureSuccessStatusCode();
        Client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
    }

    /// <summary>Waits for the process to end by itself (it refused to start, say).</summary>
    public Task<bool> WaitForExitAsync(TimeSpan timeout)
        => _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);

    /// <summary>The lines written so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Output()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }

    public string Tail(int lines = 40) => string.Join("\n", Output().TakeLast(lines));

    /// <summary>SIGKILL: no shutdown, no flushing, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        Kill();
        _process.Dispose();
        Client.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }
}
