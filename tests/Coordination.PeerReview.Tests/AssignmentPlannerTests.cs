using Coordination.PeerReview.Assigning;

namespace Coordination.PeerReview.Tests;

/// <summary>The automatic assignment on generated networks: never a conflict, every submission
/// filled as far as any assignment could (checked against a maximum flow computed here), loads
/// within one of each other where the conflicts allow, and clear explanations when it cannot.</summary>
public sealed class AssignmentPlannerTests
{
    private sealed record Network(List<PlannedSubmission> Submissions, List<PlannedReviewer> Reviewers);

    /// <summary>Projects of 1–3 organisations (some shared between projects), 1–3 models each;
    /// reviewers from the projects (their organisation) and a few outside experts; some declared
    /// conflicts with random projects.</summary>
    private static Network Generate(int seed, int projects, int reviewersPerProject, int experts, double conflictRate)
    {
        var random = new Random(seed);
        var organisations = Enumerable.Range(0, projects * 2).Select(_ => Guid.NewGuid()).ToList();
        var projectIds = Enumerable.Range(0, projects).Select(_ => Guid.NewGuid()).ToList();
        var projectOrganisations = projectIds.ToDictionary(p => p, _ => organisations.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList());
        var submissions = projectIds.SelectMany(p => Enumerable.Range(0, random.Next(1, 4)).Select(_ => new PlannedSubmission(Guid.NewGuid(), p, projectOrganisations[p]))).ToList();
        var reviewers = new List<PlannedReviewer>();
        foreach (var p in projectIds)
        {
            for (var i = 0; i < reviewersPerProject; i++)
            {
                var conflicts = projectIds.Where(_ => random.NextDouble() < conflictRate).ToList();
                reviewers.Add(new PlannedReviewer(Guid.NewGuid(), p, [projectOrganisations[p][random.Next(projectOrganisations[p].Count)]], conflicts, []));
            }
        }

        reviewers.AddRange(Enumerable.Range(0, experts).Select(_ => new PlannedReviewer(Guid.NewGuid(), null, [], [], random.NextDouble() < conflictRate ? [organisations[random.Next(organisations.Count)]] : [])));
        return new Network(submissions, reviewers);
    }

    /// <summary>The most reviewer slots any assignment could fill (Edmonds–Karp on source → submission
    /// (k − existing) → eligible reviewer (1) → sink (maximum)), to compare the planner against.</summary>
    private static int MaxFillable(Network n, int k, int maximum)
    {
        var s = n.Submissions.Count;
        var r = n.Reviewers.Count;
        var size = s + r + 2;
        var source = s + r;
        var sink = source + 1;
        var capacity = new int[size, size];
        for (var i = 0; i < s; i++)
        {
            capacity[source, i] = k;
            for (var j = 0; j < r; j++)
            {
                if (AssignmentPlanner.Check(n.Reviewers[j], n.Submissions[i]) == Exclusion.None)
                {
                    capacity[i, s + j] = 1;
                }
            }
        }

        for (var j = 0; j < r; j++)
        {
            capacity[s + j, sink] = maximum;
        }

        var flow = 0;
        while (true)
        {
            var parent = Enumerable.Repeat(-1, size).ToArray();
            parent[source] = source;
            var queue = new Queue<int>([source]);
            while (queue.Count > 0 && parent[sink] < 0)
            {
                var u = queue.Dequeue();
                for (var v = 0; v < size; v++)
                {
                    if (parent[v] < 0 && capacity[u, v] > 0)
                    {
                        parent[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }

            if (parent[sink] < 0)
            {
                return flow;
            }

            for (var v = sink; v != source; v = parent[v])
            {
                capacity[parent[v], v]--;
                capacity[v, parent[v]]++;
            }

            flow++;
        }
    }

    private static void AssertValid(Network n, AssignmentPlan plan, int k, int maximum)
    {
        var reviewers = n.Reviewers.ToDictionary(r => r.Id);
        var submissions = n.Submissions.ToDictionary(s => s.Id);
        Assert.That(plan.Added.Select(a => AssignmentPlanner.Check(reviewers[a.ReviewerId], submissions[a.SubmissionId])), Is.All.EqualTo(Exclusion.None), "no conflict ever");
        Assert.That(plan.Added, Is.Unique, "a reviewer at most once per submission");
        Assert.That(plan.Added.GroupBy(a => a.SubmissionId).Select(g => g.Count()), Is.All.LessThanOrEqualTo(k));
        Assert.That(plan.Loads.Values, Is.All.LessThanOrEqualTo(maximum));
        Assert.That(plan.Added.Count, Is.EqualTo(MaxFillable(n, k, maximum)), "as many reviews as any assignment could give");
        var shortBy = n.Submissions.Where(s => plan.Added.Count(a => a.SubmissionId == s.Id) < k).Select(s => s.Id);
        Assert.That(plan.Shortfalls.Select(s => s.SubmissionId), Is.EquivalentTo(shortBy), "every submission left short is explained");
    }

    [TestCase(1, 10, 1, 0, 0.0)]
    [TestCase(2, 10, 2, 2, 0.1)]
    [TestCase(3, 25, 1, 5, 0.2)]
    [TestCase(4, 40, 2, 10, 0.05)]
    [TestCase(5, 8, 1, 0, 0.5)]
    public void Generated_networks_are_assigned_without_conflicts_as_fully_and_evenly_as_possible(int seed, int projects, int reviewersPerProject, int experts, double conflictRate)
    {
        var n = Generate(seed, projects, reviewersPerProject, experts, conflictRate);
        const int k = 3;
        var maximum = (int)Math.Ceiling(n.Submissions.Count * k / (double)n.Reviewers.Count) + 1;
        var plan = AssignmentPlanner.Plan(n.Submissions, n.Reviewers, [], k, maximum, seed);
        AssertValid(n, plan, k, maximum);
        if (conflictRate <= 0.2)
        {
            // Dense enough that every reviewer can take anyone's spare work: loads within one.
            Assert.That(plan.Loads.Values.Max() - plan.Loads.Values.Min(), Is.LessThanOrEqualTo(1), string.Join(",", plan.Loads.Values.Order()));
            Assert.That(plan.Shortfalls, Is.Empty);
        }
    }

    [Test]
    public void Twenty_models_of_ten_projects_get_two_reviewers_each_four_reviews_per_reviewer()
    {
        var projects = Enumerable.Range(0, 10).Select(_ => (Project: Guid.NewGuid(), Organisation: Guid.NewGuid())).ToList();
        var submissions = projects.SelectMany(p => new[] { new PlannedSubmission(Guid.NewGuid(), p.Project, [p.Organisation]), new PlannedSubmission(Guid.NewGuid(), p.Project, [p.Organisation]) }).ToList();
        var reviewers = projects.Select(p => new PlannedReviewer(Guid.NewGuid(), p.Project, [p.Organisation], [], [])).ToList();
        var plan = AssignmentPlanner.Plan(submissions, reviewers, [], 2, 5, 7);
        Assert.That(plan.Added, Has.Count.EqualTo(40));
        Assert.That(plan.Loads.Values, Is.All.EqualTo(4));
    }

    [Test]
    public void Existing_assignments_are_kept_and_count_towards_loads()
    {
        var n = Generate(11, 12, 1, 0, 0);
        var first = n.Submissions[0];
        var eligible = n.Reviewers.First(r => AssignmentPlanner.Check(r, first) == Exclusion.None);
        var plan = AssignmentPlanner.Plan(n.Submissions, n.Reviewers, [(first.Id, eligible.Id)], 3, 10, 1);
        Assert.That(plan.Added, Does.Not.Contain((first.Id, eligible.Id)));
        Assert.That(plan.Added.Count(a => a.SubmissionId == first.Id), Is.EqualTo(2), "two more to make three");
        Assert.That(plan.Loads[eligible.Id], Is.EqualTo(plan.Added.Count(a => a.ReviewerId == eligible.Id) + 1));
    }

    [Test]
    public void A_model_whose_only_reviewers_are_its_own_is_explained()
    {
        var project = Guid.NewGuid();
        var organisation = Guid.NewGuid();
        var other = Guid.NewGuid();
        var submission = new PlannedSubmission(Guid.NewGuid(), project, [organisation]);
        var reviewers = new List<PlannedReviewer>
        {
            new(Guid.NewGuid(), project, [organisation], [], []),
            new(Guid.NewGuid(), project, [organisation], [], []),
            new(Guid.NewGuid(), other, [organisation], [], []),
            new(Guid.NewGuid(), other, [Guid.NewGuid()], [project], []),
            new(Guid.NewGuid(), null, [], [], []),
        };
        var plan = AssignmentPlanner.Plan([submission], reviewers, [], 3, 5, 1);
        Assert.That(plan.Added, Has.Count.EqualTo(1), "only the outside expert may review it");
        var shortfall = plan.Shortfalls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(shortfall.Got, Is.EqualTo(1));
            Assert.That(shortfall.OwnProject, Is.EqualTo(2));
            Assert.That(shortfall.SharedOrganisation, Is.EqualTo(1));
            Assert.That(shortfall.DeclaredConflict, Is.EqualTo(1));
            Assert.That(shortfall.AtMaximum, Is.Zero);
        });
    }

    [Test]
    public void Too_few_reviewers_for_the_maximum_fills_what_it_can_and_names_the_maximum()
    {
        var n = Generate(21, 10, 1, 0, 0);
        var plan = AssignmentPlanner.Plan(n.Submissions, n.Reviewers, [], 3, 1, 3);
        AssertValid(n, plan, 3, 1);
        Assert.That(plan.Loads.Values, Is.All.EqualTo(1));
        Assert.That(plan.Shortfalls, Is.Not.Empty);
        Assert.That(plan.Shortfalls.Select(s => s.AtMaximum), Is.All.GreaterThan(0));
    }

    [Test]
    public void The_same_round_gives_the_same_plan()
    {
        var n = Generate(31, 15, 2, 3, 0.1);
        var a = AssignmentPlanner.Plan(n.Submissions, n.Reviewers, [], 3, 10, 42);
        var b = AssignmentPlanner.Plan(n.Submissions, n.Reviewers, [], 3, 10, 42);
        Assert.That(a.Added, Is.EqualTo(b.Added));
    }
}
