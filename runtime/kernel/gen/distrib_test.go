package gen

import (
	"math"
	"testing"
)

// Expected values were produced by a small C++ program compiled with g++ 12
// (libstdc++) using std::mt19937 and the standard distributions.

func TestMT19937(t *testing.T) {
	t.Parallel()
	t.Run("default seed 10000th output", func(t *testing.T) {
		g := NewMT19937(MTDefaultSeed)
		var v uint32
		for range 10000 {
			v = g.Uint32()
		}
		if v != 4123659995 {
			t.Fatalf("10000th output = %d, want 4123659995", v)
		}
	})
	t.Run("seed 42", func(t *testing.T) {
		g := NewMT19937(42)
		want := []uint32{1608637542, 3421126067, 4083286876, 787846414, 3143890026}
		for i, w := range want {
			if got := g.Uint32(); got != w {
				t.Fatalf("output %d = %d, want %d", i, got, w)
			}
		}
	})
}

func TestUniformReal(t *testing.T) {
	t.Parallel()
	t.Run("double", func(t *testing.T) {
		g := NewMT19937(7)
		want := []float64{-0.59064370014117262, -0.22411108875654739, 2.4128915848568169,
			0.32233963135952615, -0.26794893110358209, -0.44451663686102649}
		for i, w := range want {
			if got := g.UniformFloat64(-1.5, 2.5); got != w {
				t.Fatalf("draw %d = %.17g, want %.17g", i, got, w)
			}
		}
	})
	t.Run("float", func(t *testing.T) {
		g := NewMT19937(7)
		want := []float32{-1.19476688, -0.590643704, 1.61967516, -0.22411108, 0.253636956, 2.41289163}
		for i, w := range want {
			if got := g.UniformFloat32(-1.5, 2.5); got != w {
				t.Fatalf("draw %d = %.9g, want %.9g", i, got, w)
			}
		}
	})
}

func TestUniformInt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		draw func(g *MT19937) int64
		seed uint32
		want []int64
	}{
		{"int64 wide range (upscaling)", func(g *MT19937) int64 { return g.UniformInt64(-5, 1000000000000) }, 9,
			[]int64{10155282775, 500359954928, 493953636403, 134502159249, 141791138364, 218516001199}},
		{"int64 full range", func(g *MT19937) int64 { return g.UniformInt64(math.MinInt64, math.MaxInt64) }, 9,
			[]int64{-9032002594820763300, 34580184003183093, -77968886344034248, -6754652892777147498}},
		{"int 0..99 (Lemire)", func(g *MT19937) int64 { return g.UniformInt64(0, 99) }, 9,
			[]int64{1, 36, 50, 49, 49, 0, 13, 31, 14, 1}},
		{"int8 full range", func(g *MT19937) int64 { return int64(int8(g.UniformInt64(-128, 127))) }, 9,
			[]int64{-126, -35, 0, -1, -2, -127, -94, -48, -92, -125}},
		{"uint64 0..2^32-1 (engine as is)", func(g *MT19937) int64 { return int64(g.UniformUint64(0, math.MaxUint32)) }, 9,
			[]int64{44556670, 1565348188, 2155534974}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			g := NewMT19937(tc.seed)
			for i, w := range tc.want {
				if got := tc.draw(g); got != w {
					t.Fatalf("draw %d = %d, want %d", i, got, w)
				}
			}
		})
	}
}

func TestShuffle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		n      int
		prefix []int
	}{
		{"even length", 10, []int{3, 1, 8, 5, 2, 6, 9, 7, 0, 4}},
		{"odd length", 7, []int{3, 6, 0, 2, 5, 1, 4}},
		{"one draw per element", 70000, []int{27548, 48776, 47402, 59265, 12094}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := make([]int, tc.n)
			for i := range v {
				v[i] = i
			}
			NewMT19937(3).Shuffle(len(v), func(i, j int) { v[i], v[j] = v[j], v[i] })
			for i, w := range tc.prefix {
				if v[i] != w {
					t.Fatalf("element %d = %d, want %d (got prefix %v)", i, v[i], w, v[:len(tc.prefix)])
				}
			}
		})
	}
}
