SELECT count(*), avg(a / b), MIN(c), Max(d) FROM v JOIN w ON v.k >= w.k ORDER BY 1, v.x ASC
