using System.Buffers;

namespace Conversational.Skills.Pricing;

/// <summary>
/// Finds the best legal combination by depth-first branch and bound over the candidates in application order, so each
/// "use it" branch extends the state of the coupons before it, and "use it" is tried first. A coupon's discount never
/// grows when earlier coupons lower its eligible subtotal (every kind is non-decreasing in the subtotal, and so is the
/// ¥0.01 floor), so the discount it would give now bounds what it can give later. A branch is cut when its saving plus,
/// for each unused stack group, the largest such bound among its remaining coupons (and at most the cart's room above
/// the floor) cannot beat the best so far, tie-break included. The result equals exhaustive enumeration; the oracle
/// tests check that.
/// </summary>
internal sealed class CouponSearch
{
    private readonly PricingProblem _problem;
    private readonly Candidate[] _candidates;
    // Per level: the lines' amounts, then the candidates' eligible subtotals, then the cart's room above the floor.
    private readonly long[] _state;
    private readonly int _stride;
    private readonly bool[] _groupUsed;
    private readonly long[] _groupBound;
    private readonly int[] _chosen;
    private readonly long[] _weights;
    private readonly long[] _shares;
    private int _count;
    private long _bestSaving = -1;
    private int[] _best = [];

    private CouponSearch(PricingProblem problem)
    {
        _problem = problem;
        _candidates = problem.Candidates;
        var n = _candidates.Length;
        // One state per number of coupons used so far: a "use it" branch writes the next level, "leave it out" keeps its own.
        var levels = Math.Min(n, problem.GroupCount) + 1;
        _stride = problem.LineCount + n + 1;
        // Rented: a quote would otherwise allocate a few kilobytes here, and the collections that costs show in the tail.
        _state = ArrayPool<long>.Shared.Rent(levels * _stride);
        Array.Clear(_state, 0, _stride);
        problem.AfterActivityCents.CopyTo(_state, 0);
        var subtotals = Subtotals(0);
        for (var c = 0; c < n; c++)
        {
            foreach (var line in _candidates[c].Lines)
            {
                subtotals[c] += problem.AfterActivityCents[line];
            }
        }

        for (var line = 0; line < problem.LineCount; line++)
        {
            Room(0) += problem.AfterActivityCents[line] - problem.Units[line];
        }

        _groupUsed = new bool[problem.GroupCount];
        _groupBound = new long[problem.GroupCount];
        _chosen = new int[levels];
        _weights = new long[problem.LineCount];
        _shares = new long[problem.LineCount];
    }

    /// <summary>The best combination as candidate indices in application order (empty when no coupon helps).</summary>
    public static int[] FindBest(PricingProblem problem)
    {
        var search = new CouponSearch(problem);
        try
        {
            search.Visit(0, 0);
            return search._best;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(search._state);
        }
    }

    internal static long Nodes, Applies, NodesAtBest;
    internal static List<string>? Trace;

    private void Visit(int next, long saving)
    {
        // "Leave it out" is the loop: the same state, the next candidate.
        for (; next < _candidates.Length; next++)
        {
            Nodes++;
            var bound = saving + Bound(next);
            if (bound < _bestSaving)
            {
                return;
            }

            if (bound == _bestSaving && _count >= _best.Length)
            {
                // Any completion that adds a coupon has more coupons than the best; only stopping here can tie.
                break;
            }

            var group = _candidates[next].Group;
            if (_groupUsed[group])
            {
                continue;
            }

            var discount = _problem.Discount(next, Subtotals(_count)[next]);
            if (discount > 0)
            {
                Apply(next, discount);
                _groupUsed[group] = true;
                _chosen[_count++] = next;
                Visit(next + 1, saving + discount);
                _count--;
                _groupUsed[group] = false;
            }
        }

        Consider(saving);
    }

    private long Bound(int next)
    {
        var subtotals = Subtotals(_count);
        Array.Clear(_groupBound);
        long bound = 0;
        for (var c = next; c < subtotals.Length; c++)
        {
            var group = _candidates[c].Group;
            if (_groupUsed[group])
            {
                continue;
            }

            var discount = _problem.Discount(c, subtotals[c]);
            if (discount > _groupBound[group])
            {
                bound += discount - _groupBound[group];
                _groupBound[group] = discount;
            }
        }

        return Math.Min(bound, Room(_count));
    }

    private void Apply(int candidate, long discount)
    {
        var from = _count;
        var to = _count + 1;
        _state.AsSpan(from * _stride, _stride).CopyTo(_state.AsSpan(to * _stride, _stride));
        Room(to) -= discount;

        var lines = _candidates[candidate].Lines;
        var amounts = Amounts(to);
        var units = _problem.Units;
        for (var i = 0; i < lines.Length; i++)
        {
            _weights[i] = amounts[lines[i]] - units[lines[i]];
        }

        LargestRemainder.Split(discount, _weights.AsSpan(0, lines.Length), _shares);
        var subtotals = Subtotals(to);
        for (var i = 0; i < lines.Length; i++)
        {
            var share = _shares[i];
            if (share == 0)
            {
                continue;
            }

            amounts[lines[i]] -= share;
            // Ascending, so the candidates after this one are at the end.
            var covering = _problem.CandidatesOfLine[lines[i]];
            for (var k = covering.Length - 1; k >= 0 && covering[k] > candidate; k--)
            {
                subtotals[covering[k]] -= share;
            }
        }
    }

    private Span<long> Amounts(int level) => _state.AsSpan(level * _stride, _problem.LineCount);

    private Span<long> Subtotals(int level) => _state.AsSpan((level * _stride) + _problem.LineCount, _candidates.Length);

    private ref long Room(int level) => ref _state[(level * _stride) + _stride - 1];

    private void Consider(long saving)
    {
        if (saving > _bestSaving || (saving == _bestSaving && IsBetterTie()))
        {
            _bestSaving = saving;
            _best = _chosen[.._count];
            NodesAtBest = Nodes;
        }
    }

    // Equal saving: fewer coupons, then the smaller ordinal-sorted id list (compared element by element).
    private bool IsBetterTie()
    {
        if (_count != _best.Length)
        {
            return _count < _best.Length;
        }

        var mine = Ranks(_chosen.AsSpan(0, _count));
        var best = Ranks(_best);
        for (var i = 0; i < mine.Length; i++)
        {
            if (mine[i] != best[i])
            {
                return mine[i] < best[i];
            }
        }

        return false;
    }

    private int[] Ranks(ReadOnlySpan<int> candidates)
    {
        var ranks = new int[candidates.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = _candidates[candidates[i]].IdRank;
        }

        Array.Sort(ranks);
        return ranks;
    }
}
