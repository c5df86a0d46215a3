SELECT f.a, sum(f.b) AS total FROM f GROUP BY f.a HAVING sum(f.b) > 10 ORDER BY total DESC;
