using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;

namespace Coordination.Monitoring.Tests;

/// <summary>
/// Builds a network's life through the site's API as its people would: projects with a lead and
/// a partner organisation, a manager and a contact each, a funder's observer; events over the
/// last two years with attendance (directory people and guests); surveys that invite, are
/// answered and close; models published and peer-reviewed (some by experts too); newsletter
/// subscribers and issues; blog posts. It counts what it did, so a test can hold the indicators
/// against counts made here rather than against the code under test.
/// </summary>
internal sealed partial class NetworkLife(CoordinationApp app, HttpClient coordinator, NetworkLife.Size size)
{
    public sealed record Size(int Projects, int Events, int Surveys, int Models, int ExpertReviewed, int Issues, int Subscribers, int Unsubscribed, int Posts);

    public static readonly Size TwoYears = new(16, 60, 6, 40, 5, 10, 12, 2, 6);

    public static readonly Size Small = new(4, 8, 2, 5, 1, 2, 3, 1, 3);

    public sealed record Person(Guid Id, string Email, string Name, Guid ProjectId, Guid OrganisationId, string Role);

    public sealed record ProjectInfo(Guid Id, string Name, string Acronym, Guid Lead, string LeadName, Guid Partner, string PartnerName, Person Manager, Person Contact, HttpClient ManagerApi);

    /// <summary>One attendance: the event, its start and type, who (address), the organisation
    /// key the funder counts (an id, or a guest's written name), the attendee's project.</summary>
    public sealed record Attendance(int Event, DateTime StartsAt, string Type, string Email, string Organisation, Guid? ProjectId);

    private static readonly string[] Types = ["networkMeeting", "developmentDay", "projectManagerDay", "disseminationSeminar", "webinar", "workshop", "roundTable", "steeringGroup"];

    private readonly string _stamp = Guid.NewGuid().ToString("N")[..6];

    public Guid NetworkId { get; private set; }

    public string FunderEmail { get; private set; } = "";

    public List<ProjectInfo> Projects { get; } = [];

    public List<Attendance> Attendances { get; } = [];

    public List<(DateTime StartsAt, string Type)> Events { get; } = [];

    public List<(int Invited, int Responses)> Surveys { get; } = [];

    public Dictionary<Guid, Guid> Models { get; } = [];

    public HashSet<Guid> PeerReviewed { get; } = [];

    public HashSet<Guid> ExpertReviewed { get; } = [];

    public List<int> IssueRecipients { get; } = [];

    public int SubscribersAtEnd { get; private set; }

    public int NewSubscribers { get; private set; }

    public List<Guid?> Posts { get; } = [];

    /// <summary>Helsinki today and the period that holds everything built: 25 months back.</summary>
    public DateOnly To { get; } = DateOnly.FromDateTime(HelsinkiTime.ToLocal(DateTime.UtcNow));

    public DateOnly From => new DateOnly(To.Year, To.Month, 1).AddMonths(-25);

    public string Period => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}";

    public async Task BuildAsync()
    {
        NetworkId = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Seurattava verkosto {_stamp}", sv = $"Uppföljt nätverk {_stamp}" } }));
        for (var i = 0; i < size.Projects; i++)
        {
            Projects.Add(await ProjectAsync(i));
        }

        FunderEmail = await app.CreateUserAsync(Roles.Funder);
        await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new
        {
            name = "Rahoittajan Tarkkailija", email = FunderEmail, language = "fi", roles = new[] { new { role = "funderObserver", networkId = NetworkId } },
        }));

        // Events hear the people (their organisations and projects) before anything is held.
        await Api.DrainedAsync(app);
        await EventsAsync();
        await SurveysAsync();
        if (size.Models > 0)
        {
            await ModelsAsync();
        }

        if (size.Subscribers + size.Issues > 0)
        {
            await NewsletterAsync();
        }

        await PostsAsync();
        await Api.DrainedAsync(app);
    }

    private async Task<ProjectInfo> ProjectAsync(int i)
    {
        var acronym = $"P{i:D2}";
        var leadName = $"Opisto {acronym} {_stamp}";
        var partnerName = $"Kumppani {acronym} {_stamp}";
        var lead = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = leadName, type = "educationProvider", language = "fi" }));
        var partner = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = partnerName, type = "association", language = i % 4 == 0 ? "sv" : "fi" }));
        var project = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = NetworkId, name = $"Hanke {acronym}", acronym, fundingDecisionNumber = $"OPH-{i}/2025", leadOrganisationId = lead, partnerOrganisationIds = new[] { partner },
            startDate = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), endDate = To.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), grantedAmount = 150000m, ownFinancing = 40000m,
        }));
        // The manager's sign-in is made by invitation, so that it is linked to the directory entry
        // (project access follows that link, not the address).
        var managerEmail = $"paallikko-{acronym.ToLowerInvariant()}-{_stamp}@example.fi";
        var manager = await PersonAsync(managerEmail, $"Päällikkö {acronym}", project, lead, "projectManager");
        var invited = await coordinator.PostAsync($"/api/v1/membership/people/{manager.Id}/invitation", null);
        Assert.That(invited.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await invited.Content.ReadAsStringAsync());
        await app.SetPasswordAsync(managerEmail);
        var contact = await PersonAsync($"yhteys-{acronym.ToLowerInvariant()}-{_stamp}@example.fi", $"Yhteyshenkilö {acronym}", project, partner, "contact");
        return new ProjectInfo(project, $"Hanke {acronym}", acronym, lead, leadName, partner, partnerName, manager, contact, await app.ApiClientForAsync(managerEmail, CoordinationApp.Password));
    }

    private async Task<Person> PersonAsync(string email, string name, Guid project, Guid organisation, string role)
    {
        var id = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new
        {
            name, email, language = "fi", organisationId = organisation, roles = new[] { new { role, projectId = project } },
        }));
        return new Person(id, email, name, project, organisation, role);
    }

    /// <summary>Events every twelve days over the last two years (types in turn), each attended by
    /// two managers and a contact of different projects and a guest; every fifth guest writes a
    /// project organisation's name (in capitals), the others an organisation of their own.</summary>
    private async Task EventsAsync()
    {
        var start = DateTime.UtcNow.Date.AddDays(-730).AddHours(8);
        for (var i = 0; i < size.Events; i++)
        {
            var startsAt = start.AddDays(i * 12);
            var type = Types[i % Types.Length];
            // A new event cannot start in the past: it is entered ahead and its time set to when it
            // was held, as a coordinator corrects a date afterwards.
            var ahead = DateTime.UtcNow.AddDays(1);
            var id = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/events", Event(type, i, ahead)));
            await Api.OkAsync(await coordinator.PutAsJsonAsync($"/api/v1/events/{id}", Event(type, i, startsAt)));
            Events.Add((startsAt, type));
            var n = Projects.Count;
            var attendees = new List<(string Email, string Name, string Organisation, string Key, Guid? Project)>
            {
                Directory(Projects[i % n].Manager),
                Directory(Projects[(i + 3) % n].Manager),
                Directory(Projects[(i + 7) % n].Contact),
            };
            var guestOrganisation = i % 5 == 0 ? $"  {Projects[(i + 1) % n].LeadName.ToUpperInvariant()} " : $"Vierasorganisaatio {i % 4} {_stamp}";
            var guestKey = i % 5 == 0 ? Projects[(i + 1) % n].Lead.ToString() : guestOrganisation.Trim().ToLowerInvariant();
            attendees.Add(($"vieras{i % 9}-{_stamp}@example.fi", $"Vieras {i % 9}", guestOrganisation, guestKey, null));
            foreach (var a in attendees.DistinctBy(a => a.Email))
            {
                await Api.IdOfAsync(await coordinator.PostAsJsonAsync($"/api/v1/events/{id}/walk-ins", new { name = a.Name, email = a.Email, organisation = a.Organisation }));
                Attendances.Add(new Attendance(i, startsAt, type, a.Email, a.Key, a.Project));
            }

            await Api.OkAsync(await coordinator.PostAsync($"/api/v1/events/{id}/held", null));
        }

        object Event(string type, int i, DateTime at) => new
        {
            networkId = NetworkId, type, title = new { fi = $"Tapahtuma {i}", sv = $"Evenemang {i}" }, startsAt = Iso(at), endsAt = Iso(at.AddHours(3)),
            audience = i % 3 == 0 ? "public" : "network", place = "Tampere",
        };

        (string, string, string, string, Guid?) Directory(Person p) => (p.Email, p.Name, "kirjoitettu nimi", p.OrganisationId.ToString(), p.ProjectId);
    }

    /// <summary>Surveys that invite managers of several projects; some answer; each closes.</summary>
    private async Task SurveysAsync()
    {
        for (var s = 0; s < size.Surveys; s++)
        {
            var survey = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/surveys", new
            {
                networkId = NetworkId,
                title = new { fi = $"Kysely {s}", sv = $"Enkät {s}" },
                intro = new { fi = "Kiitos, että vastaat." },
                anonymous = s % 2 == 0,
                opensAt = Iso(DateTime.UtcNow.AddMinutes(-5)),
                closesAt = Iso(DateTime.UtcNow.AddDays(14)),
                questions = new object[] { new { key = "q1", type = "likert", text = new { fi = "Verkosto auttaa", sv = "Nätverket hjälper" }, cantSay = true, lowLabel = new { fi = "Eri mieltä" }, highLabel = new { fi = "Samaa mieltä" } } },
            }));
            await Api.OkAsync(await coordinator.PostAsync($"/api/v1/surveys/{survey}/open", null));
            var invited = Projects.Take(Math.Min(Projects.Count, 3 + s)).Select(p => p.Manager).ToList();
            var response = await coordinator.PostAsJsonAsync($"/api/v1/surveys/{survey}/invitations", new { recipients = invited.Select(p => new { email = p.Email, name = p.Name, projectId = p.ProjectId }) });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
            await Api.RunJobAsync(app, "surveys-mail");
            var answering = invited.Take(Math.Max(1, invited.Count - 1 - (s % 2))).ToList();
            var guest = app.CreateClient();
            foreach (var person in answering)
            {
                var token = SurveyLink().Match(app.PickedUpMail().Last(m => m.To.ToString().Contains(person.Email, StringComparison.OrdinalIgnoreCase)).TextBody!).Groups[1].Value;
                Assert.That((await guest.PostAsJsonAsync("/api/v1/surveys/responses", new { token, answers = new { q1 = 2 + (s % 4) } })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
            }

            await Api.OkAsync(await coordinator.PostAsync($"/api/v1/surveys/{survey}/close", null));
            Surveys.Add((invited.Count, answering.Count));
        }
    }

    /// <summary>Models written by the projects' managers, published and sent to a peer round;
    /// the managers volunteer, review (one review a model) and the coordinator releases every
    /// feedback; a few go on to an expert round.</summary>
    private async Task ModelsAsync()
    {
        var peerRound = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/peer-review/rounds", new { name = $"Vertaiskierros {_stamp}", type = "peer", reviewersPerSubmission = 1, maxReviewsPerReviewer = 10 }));
        for (var m = 0; m < size.Models; m++)
        {
            var project = Projects[m % Projects.Count];
            var model = await Api.IdOfAsync(await Eventually.WaitForAsync(() => project.ManagerApi.PostAsJsonAsync("/api/v1/dissemination/models", new
            {
                networkId = NetworkId, projectId = project.Id, title = new { fi = $"Malli {m}", sv = $"Modell {m}" }, summary = new { fi = $"Tiivistelmä {m}" },
                challenge = new { fi = "Haaste" }, method = new { fi = "Menetelmä" }, result = new { fi = "Tulos" }, targetGroup = new { fi = "Opiskelijat" }, themes = new[] { "Osallisuus" },
            }), r => r.StatusCode == HttpStatusCode.Created));
            await Api.OkAsync(await project.ManagerApi.PostAsync($"/api/v1/dissemination/models/{model}/publish", null));
            await Api.OkAsync(await project.ManagerApi.PostAsync($"/api/v1/dissemination/models/{model}/submit-for-review", null));
            Models[model] = project.Id;
        }

        // A draft that is never published is not counted.
        await Api.IdOfAsync(await Projects[0].ManagerApi.PostAsJsonAsync("/api/v1/dissemination/models", new
        {
            networkId = NetworkId, projectId = Projects[0].Id, title = new { fi = "Luonnos" }, summary = new { fi = "Kesken" }, challenge = new { fi = "-" }, method = new { fi = "-" }, result = new { fi = "-" },
        }));
        await Api.DrainedAsync(app);
        foreach (var project in Projects)
        {
            Assert.That((await project.ManagerApi.PostAsJsonAsync($"/api/v1/peer-review/rounds/{peerRound}/volunteer", new { })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await ReviewRoundAsync(peerRound, Projects.ToDictionary(p => p.Manager.Email, p => p.ManagerApi), PeerReviewed);

        var expertRound = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/peer-review/rounds", new { name = $"Asiantuntijat {_stamp}", type = "expert", reviewersPerSubmission = 1, maxReviewsPerReviewer = 50 }));
        foreach (var model in Models.Keys.Take(size.ExpertReviewed))
        {
            Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{expertRound}/submissions", new { modelId = model })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var expertEmail = await app.CreateUserAsync(Roles.Reviewer);
        Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/peer-review/rounds/{expertRound}/reviewers", new { name = "Eeva Asiantuntija", email = expertEmail, language = "fi" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await ReviewRoundAsync(expertRound, new() { [expertEmail] = await app.ApiClientForAsync(expertEmail, CoordinationApp.Password) }, ExpertReviewed);
    }

    private async Task ReviewRoundAsync(Guid round, Dictionary<string, HttpClient> reviewers, HashSet<Guid> reviewed)
    {
        await Api.OkAsync(await coordinator.PostAsync($"/api/v1/peer-review/rounds/{round}/assign", null));
        foreach (var (_, reviewer) in reviewers)
        {
            foreach (var assignment in (await reviewer.GetFromJsonAsync<JsonArray>("/api/v1/peer-review/my/assignments"))!.Where(a => a!["roundId"]?.GetValue<Guid>() is not { } r || r == round))
            {
                var scores = new Dictionary<string, int> { ["c1"] = 4, ["c2"] = 3, ["c3"] = 5, ["c4"] = 4 };
                await Api.OkAsync(await reviewer.PutAsJsonAsync($"/api/v1/peer-review/assignments/{assignment!["id"]}/review", new { scores, strengths = "Selkeä", suggestions = "Lisää esimerkkejä", transferability = "Sopii muillekin", submit = true }));
            }
        }

        var details = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/peer-review/rounds/{round}"))!;
        foreach (var submission in details["submissions"]!.AsArray())
        {
            var id = submission!["id"]!.GetValue<Guid>();
            await Api.OkAsync(await coordinator.PutAsJsonAsync($"/api/v1/peer-review/submissions/{id}/feedback", new { feedback = "Koottu palaute" }));
            await Api.OkAsync(await coordinator.PostAsync($"/api/v1/peer-review/submissions/{id}/release", null));
            reviewed.Add(submission["modelId"]!.GetValue<Guid>());
        }
    }

    /// <summary>Subscribers confirm by the mailed link; issues are sent by the newsletter job;
    /// at the end some unsubscribe by the link in the last issue.</summary>
    private async Task NewsletterAsync()
    {
        var guest = app.CreateClient();
        var emails = Enumerable.Range(0, size.Subscribers).Select(i => $"tilaaja{i}-{_stamp}@example.fi").ToList();
        foreach (var email in emails)
        {
            Assert.That((await guest.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions", new { email, language = emails.IndexOf(email) % 3 == 0 ? "sv" : "fi" })).IsSuccessStatusCode, Is.True);
            var token = ConfirmLink().Match(app.PickedUpMail().Last(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase)).TextBody!).Groups[1].Value;
            await Api.OkAsync(await guest.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions/confirm", new { token }));
        }

        // One who never confirms is no subscriber.
        await guest.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions", new { email = $"epavarma-{_stamp}@example.fi", language = "fi" });
        NewSubscribers = size.Subscribers;
        for (var i = 0; i < size.Issues; i++)
        {
            var issue = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = $"Uutiskirje {i}", sv = $"Nyhetsbrev {i}" } }));
            Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            await Api.RunJobAsync(app, "newsletter-send");
            IssueRecipients.Add(size.Subscribers);
        }

        foreach (var email in emails.Take(size.Unsubscribed))
        {
            var token = UnsubscribeLink().Match(app.PickedUpMail().Last(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase)).TextBody!).Groups[1].Value;
            await Api.OkAsync(await guest.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions/unsubscribe", new { token }));
        }

        SubscribersAtEnd = size.Subscribers - size.Unsubscribed;
    }

    /// <summary>Posts of projects and of the network itself, each published by the coordinator.</summary>
    private async Task PostsAsync()
    {
        for (var i = 0; i < size.Posts; i++)
        {
            Guid? project = i % 3 == 2 ? null : Projects[i % Projects.Count].Id;
            var post = await Api.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/posts", new { kind = i % 2 == 0 ? "blog" : "news", title = new { fi = $"Kirjoitus {i}" }, body = new { fi = "Teksti" }, authorName = "Koordinaattori", projectId = project }));
            await Api.OkAsync(await coordinator.PostAsync($"/api/v1/dissemination/posts/{post}/publish", null));
            Posts.Add(project);
        }
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/s/([A-Za-z0-9_-]+)")]
    private static partial Regex SurveyLink();

    [GeneratedRegex(@"/newsletter/confirm/([A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"/newsletter/unsubscribe/([A-Za-z0-9_-]+)")]
    private static partial Regex UnsubscribeLink();
}
