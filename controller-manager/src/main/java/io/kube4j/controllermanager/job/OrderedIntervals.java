package io.kube4j.controllermanager.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A set of completion indexes as sorted, disjoint, non-adjacent intervals ({@code orderedIntervals}),
 * the form of {@code status.completedIndexes} and {@code status.failedIndexes}: indexes 1, 3, 4, 5
 * are {@code [1,1] [3,5]}, written {@code "1,3-5"}; two adjacent indexes are written with a comma
 * ({@code "7,8"}), as upstream does.
 */
public final class OrderedIntervals {

  /** Indexes {@code first..last}, both included. */
  public record Interval(int first, int last) {}

  private static final OrderedIntervals EMPTY = new OrderedIntervals(List.of());

  private final List<Interval> intervals;

  private OrderedIntervals(List<Interval> intervals) {
    this.intervals = List.copyOf(intervals);
  }

  public static OrderedIntervals empty() {
    return EMPTY;
  }

  /**
   * {@code parseIndexesFromString}: reads {@code "1,3-5"}, dropping indexes not below
   * {@code completions} and skipping malformed intervals as upstream does.
   */
  public static OrderedIntervals parse(String text, int completions) {
    if (text == null || text.isEmpty()) {
      return EMPTY;
    }
    List<Interval> result = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] limits = part.split("-");
      int first;
      int last;
      try {
        first = Integer.parseInt(limits[0]);
        if (first >= completions) {
          break;
        }
        last = limits.length > 1 ? Math.min(Integer.parseInt(limits[1]), completions - 1) : first;
      } catch (NumberFormatException e) {
        continue;
      }
      Interval previous = result.isEmpty() ? null : result.get(result.size() - 1);
      if (previous != null && previous.last() == first - 1) {
        result.set(result.size() - 1, new Interval(previous.first(), last));
      } else {
        result.add(new Interval(first, last));
      }
    }
    return new OrderedIntervals(result);
  }

  /** These intervals plus {@code indexes} ({@code withOrderedIndexes}). */
  public OrderedIntervals with(Collection<Integer> indexes) {
    List<Interval> single = new TreeSet<>(indexes).stream().map(i -> new Interval(i, i)).toList();
    return merge(new OrderedIntervals(single));
  }

  /** The union, merging overlapping and adjacent intervals ({@code merge}). */
  public OrderedIntervals merge(OrderedIntervals other) {
    List<Interval> result = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < intervals.size() || j < other.intervals.size()) {
      Interval next;
      if (j >= other.intervals.size()
          || (i < intervals.size() && intervals.get(i).first() < other.intervals.get(j).first())) {
        next = intervals.get(i++);
      } else {
        next = other.intervals.get(j++);
      }
      Interval last = result.isEmpty() ? null : result.get(result.size() - 1);
      if (last == null || next.first() > last.last() + 1) {
        result.add(next);
      } else if (last.last() < next.last()) {
        result.set(result.size() - 1, new Interval(last.first(), next.last()));
      }
    }
    return new OrderedIntervals(result);
  }

  /** How many indexes: {@code "1,3-5"} holds 4. */
  public int total() {
    return intervals.stream().mapToInt(iv -> iv.last() - iv.first() + 1).sum();
  }

  /** Binary search for the first interval ending at or after {@code index}. */
  public boolean has(int index) {
    int lo = 0;
    int hi = intervals.size();
    while (hi > lo) {
      int mid = lo + (hi - lo) / 2;
      if (intervals.get(mid).last() >= index) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return hi < intervals.size() && intervals.get(hi).first() <= index;
  }

  public List<Interval> intervals() {
    return intervals;
  }

  /** {@code "1,3-5"}; {@code [7,8]} is written {@code "7,8"}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Interval v : intervals) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(v.first());
      if (v.last() > v.first()) {
        b.append(v.last() == v.first() + 1 ? ',' : '-').append(v.last());
      }
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderedIntervals other && intervals.equals(other.intervals);
  }

  @Override
  public int hashCode() {
    return intervals.hashCode();
  }
}
