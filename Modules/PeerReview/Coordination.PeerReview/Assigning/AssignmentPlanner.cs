namespace Coordination.PeerReview.Assigning;

/// <summary>A submission as the planner sees it: whose it is.</summary>
internal sealed record PlannedSubmission(Guid Id, Guid? ProjectId, IReadOnlyCollection<Guid> OrganisationIds);

/// <summary>A reviewer as the planner sees it: where they come from and what they declared.</summary>
internal sealed record PlannedReviewer(Guid Id, Guid? ProjectId, IReadOnlyCollection<Guid> OrganisationIds, IReadOnlyCollection<Guid> ConflictProjectIds, IReadOnlyCollection<Guid> ConflictOrganisationIds);

internal enum Exclusion
{
    None,
    OwnProject,
    SharedOrganisation,
    DeclaredConflict,
}

/// <summary>Why a submission has fewer than k reviewers: how many reviewers were excluded for
/// each reason, and how many could have reviewed it but had reached the maximum.</summary>
internal sealed record Shortfall(Guid SubmissionId, int Needed, int Got, int Reviewers, int OwnProject, int SharedOrganisation, int DeclaredConflict, int AtMaximum);

internal sealed record AssignmentPlan(IReadOnlyList<(Guid SubmissionId, Guid ReviewerId)> Added, IReadOnlyList<Shortfall> Shortfalls, IReadOnlyDictionary<Guid, int> Loads);

/// <summary>Gives every submission k reviewers: never from the model's own project or any of its
/// organisations, never a declared conflict, at most the round's maximum each, with loads as even
/// as the conflicts allow. Assignments that exist are kept. Three steps: the most constrained
/// submissions first take the least loaded eligible reviewers; a submission left short takes a
/// reviewer at the maximum by moving one of that reviewer's new assignments along a chain to
/// someone with room (augmenting path); then, while the loads differ by two or more, a chain
/// moves one new assignment from a most loaded reviewer towards a lighter one. Each move lowers
/// the sum of squared loads, so it ends. Ties are broken by a seeded order: the same round gives
/// the same plan.</summary>
internal static class AssignmentPlanner
{
    public static Exclusion Check(PlannedReviewer reviewer, PlannedSubmission submission)
    {
        if (submission.ProjectId is { } project && reviewer.ProjectId == project)
        {
            return Exclusion.OwnProject;
        }

        if (reviewer.OrganisationIds.Any(submission.OrganisationIds.Contains))
        {
            return Exclusion.SharedOrganisation;
        }

        return (submission.ProjectId is { } p && reviewer.ConflictProjectIds.Contains(p)) || reviewer.ConflictOrganisationIds.Any(submission.OrganisationIds.Contains)
            ? Exclusion.DeclaredConflict
            : Exclusion.None;
    }

    public static AssignmentPlan Plan(
        IReadOnlyList<PlannedSubmission> submissions,
        IReadOnlyList<PlannedReviewer> reviewers,
        IReadOnlyCollection<(Guid SubmissionId, Guid ReviewerId)> existing,
        int k,
        int maximum,
        int seed)
    {
        var state = new State(submissions, reviewers, existing, k, maximum, seed);
        state.Greedy();
        state.Fill();
        state.Balance();
        return state.Result();
    }

    private sealed class State
    {
        private readonly IReadOnlyList<PlannedSubmission> _submissions;
        private readonly IReadOnlyList<PlannedReviewer> _reviewers;
        private readonly int _k;
        private readonly int _maximum;
        private readonly int[][] _eligible;
        private readonly List<int>[] _assigned;
        private readonly List<int>[] _movable;
        private readonly int[] _load;
        private readonly int[] _order;

        public State(IReadOnlyList<PlannedSubmission> submissions, IReadOnlyList<PlannedReviewer> reviewers, IReadOnlyCollection<(Guid SubmissionId, Guid ReviewerId)> existing, int k, int maximum, int seed)
        {
            _submissions = submissions;
            _reviewers = reviewers;
            _k = k;
            _maximum = maximum;
            var random = new Random(seed);
            _order = [.. Enumerable.Range(0, reviewers.Count).OrderBy(_ => random.Next())];
            var rank = new int[reviewers.Count];
            for (var i = 0; i < _order.Length; i++)
            {
                rank[_order[i]] = i;
            }

            _order = rank;
            _eligible = [.. submissions.Select(s => Enumerable.Range(0, reviewers.Count).Where(r => Check(reviewers[r], s) == Exclusion.None).ToArray())];
            _assigned = [.. submissions.Select(_ => new List<int>())];
            _movable = [.. reviewers.Select(_ => new List<int>())];
            _load = new int[reviewers.Count];
            var submissionIndex = submissions.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var reviewerIndex = reviewers.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
            foreach (var (s, r) in existing)
            {
                if (submissionIndex.TryGetValue(s, out var si) && reviewerIndex.TryGetValue(r, out var ri))
                {
                    _assigned[si].Add(ri);
                    _load[ri]++;
                }
            }
        }

        public void Greedy()
        {
            foreach (var s in Enumerable.Range(0, _submissions.Count).OrderBy(s => _eligible[s].Length).ThenBy(s => s))
            {
                var need = _k - _assigned[s].Count;
                if (need <= 0)
                {
                    continue;
                }

                foreach (var r in _eligible[s].Where(r => _load[r] < _maximum && !_assigned[s].Contains(r)).OrderBy(r => _load[r]).ThenBy(r => _order[r]).Take(need).ToList())
                {
                    Assign(s, r);
                }
            }
        }

        public void Fill()
        {
            for (var s = 0; s < _submissions.Count; s++)
            {
                while (_assigned[s].Count < _k && FillOne(s))
                {
                }
            }
        }

        public void Balance()
        {
            while (true)
            {
                var max = _load.Length == 0 ? 0 : _load.Max();
                if (!_load.Any(l => l <= max - 2))
                {
                    return;
                }

                var moved = false;
                foreach (var heavy in Enumerable.Range(0, _load.Length).Where(r => _load[r] == max).OrderBy(r => _order[r]))
                {
                    if (Shift(heavy, y => _load[y] <= max - 2))
                    {
                        moved = true;
                        break;
                    }
                }

                if (!moved)
                {
                    return;
                }
            }
        }

        public AssignmentPlan Result()
        {
            var added = new List<(Guid, Guid)>();
            for (var s = 0; s < _submissions.Count; s++)
            {
                added.AddRange(_assigned[s].Where(r => _movable[r].Contains(s)).Select(r => (_submissions[s].Id, _reviewers[r].Id)));
            }

            var shortfalls = new List<Shortfall>();
            for (var s = 0; s < _submissions.Count; s++)
            {
                if (_assigned[s].Count >= _k)
                {
                    continue;
                }

                var reasons = _reviewers.Select(r => Check(r, _submissions[s])).ToList();
                var atMaximum = _eligible[s].Count(r => !_assigned[s].Contains(r) && _load[r] >= _maximum);
                shortfalls.Add(new Shortfall(
                    _submissions[s].Id, _k, _assigned[s].Count, _reviewers.Count,
                    reasons.Count(x => x == Exclusion.OwnProject), reasons.Count(x => x == Exclusion.SharedOrganisation), reasons.Count(x => x == Exclusion.DeclaredConflict), atMaximum));
            }

            return new AssignmentPlan(added, shortfalls, Enumerable.Range(0, _reviewers.Count).ToDictionary(r => _reviewers[r].Id, r => _load[r]));
        }

        private void Assign(int s, int r)
        {
            _assigned[s].Add(r);
            _movable[r].Add(s);
            _load[r]++;
        }

        /// <summary>A short submission takes an eligible reviewer: directly if one has room, else
        /// one at the maximum who hands a new assignment on along a chain to someone with room.</summary>
        private bool FillOne(int s)
        {
            var candidates = _eligible[s].Where(r => !_assigned[s].Contains(r)).OrderBy(r => _load[r]).ThenBy(r => _order[r]).ToList();
            if (candidates.Count == 0)
            {
                return false;
            }

            if (_load[candidates[0]] < _maximum)
            {
                Assign(s, candidates[0]);
                return true;
            }

            foreach (var r in candidates)
            {
                if (Shift(r, y => _load[y] < _maximum))
                {
                    Assign(s, r);
                    return true;
                }
            }

            return false;
        }

        /// <summary>Breadth-first over reviewers: from <paramref name="start"/>, who gives one of
        /// their new assignments to another eligible reviewer, who may give one of theirs on, until
        /// a reviewer that <paramref name="target"/> accepts takes one. Only the ends' loads change.</summary>
        private bool Shift(int start, Func<int, bool> target)
        {
            var parent = new int[_reviewers.Count];
            var via = new int[_reviewers.Count];
            var seen = new bool[_reviewers.Count];
            seen[start] = true;
            var queue = new Queue<int>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                foreach (var s in _movable[x])
                {
                    foreach (var y in _eligible[s])
                    {
                        if (seen[y] || _assigned[s].Contains(y))
                        {
                            continue;
                        }

                        seen[y] = true;
                        parent[y] = x;
                        via[y] = s;
                        if (target(y))
                        {
                            for (var to = y; to != start; to = parent[to])
                            {
                                Move(via[to], parent[to], to);
                            }

                            return true;
                        }

                        queue.Enqueue(y);
                    }
                }
            }

            return false;
        }

        private void Move(int s, int from, int to)
        {
            _assigned[s][_assigned[s].IndexOf(from)] = to;
            _movable[from].Remove(s);
            _movable[to].Add(s);
            _load[from]--;
            _load[to]++;
        }
    }
}
