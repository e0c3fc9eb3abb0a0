package io.evalflow.panel;

import java.util.List;
import java.util.Map;

/**
 * The Schulze method over rank ballots: d[i][j] is how many members rank i above j (a
 * member counts for the pair only when both are on their ballot); a link i→j has strength
 * d[i][j] where d[i][j] &gt; d[j][i] (winning votes); p[i][j] is the strength of the
 * strongest path. i beats j when p[i][j] &gt; p[j][i]; that relation is a strict weak
 * order, so counting whom each beats ranks them, and equal counts are exactly the ties.
 */
final class Schulze {

	private Schulze() {
	}

	static void count(List<Long> finalists, List<Ballots.Counted> ballots, Map<Long, Ratio> values,
			Map<Long, Integer> voters) {
		int n = finalists.size();
		int[][] d = new int[n][n];
		Map<Long, Integer> index = new java.util.HashMap<>();
		for (int i = 0; i < n; i++) {
			index.put(finalists.get(i), i);
		}
		for (Ballots.Counted ballot : ballots) {
			List<Long> order = ballot.order();
			for (int a = 0; a < order.size(); a++) {
				voters.merge(order.get(a), 1, Integer::sum);
				for (int b = a + 1; b < order.size(); b++) {
					d[index.get(order.get(a))][index.get(order.get(b))]++;
				}
			}
		}
		int[][] p = strongestPaths(d);
		for (int i = 0; i < n; i++) {
			int beats = 0;
			for (int j = 0; j < n; j++) {
				if (i != j && p[i][j] > p[j][i]) {
					beats++;
				}
			}
			values.put(finalists.get(i), Ratio.of(beats, 1));
		}
	}

	static int[][] strongestPaths(int[][] d) {
		int n = d.length;
		int[][] p = new int[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				if (i != j && d[i][j] > d[j][i]) {
					p[i][j] = d[i][j];
				}
			}
		}
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				if (i == j) {
					continue;
				}
				for (int k = 0; k < n; k++) {
					if (i != k && j != k) {
						p[j][k] = Math.max(p[j][k], Math.min(p[j][i], p[i][k]));
					}
				}
			}
		}
		return p;
	}

}
