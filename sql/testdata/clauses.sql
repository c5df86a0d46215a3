select distinct *, f.*, -f.a*2+1 as x
from f as g, h
  inner join k on g.a = k.b and k.c <> 'x''y'
where g.a not between 1.5 and 2e3 or not (h.z != "q")
limit 10
