package sim

import (
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// chromeEvent is one event of the Chrome trace-event JSON format (the
// subset Perfetto and chrome://tracing need): complete events ("X") for
// chunks, metadata events ("M") for track names.
type chromeEvent struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat,omitempty"`
	Ph   string         `json:"ph"`
	Ts   float64        `json:"ts"`            // microseconds
	Dur  float64        `json:"dur,omitempty"` // microseconds
	Pid  int            `json:"pid"`
	Tid  int            `json:"tid"`
	Args map[string]any `json:"args,omitempty"`
}

type chromeTrace struct {
	TraceEvents     []chromeEvent `json:"traceEvents"`
	DisplayTimeUnit string        `json:"displayTimeUnit,omitempty"`
}

// WriteChromeTrace writes the run's trace in the Chrome trace-event JSON
// format that Perfetto (ui.perfetto.dev) and chrome://tracing open: one
// track per worker ("worker N"), one slice per chunk from Start to End
// (overheads are the gaps) with args lo, hi, rows, queue, scheme and
// stolen. Times are virtual microseconds.
func (r *Result) WriteChromeTrace(w io.Writer) error {
	evs := make([]chromeEvent, 0, len(r.Trace)+len(r.Workers)+1)
	evs = append(evs, chromeEvent{Name: "process_name", Ph: "M",
		Args: map[string]any{"name": fmt.Sprintf("sim %s %s/%s %d cores", r.scheme(), r.Config.Layout, r.Config.Victim, r.Config.Cores)}})
	for wk := range r.Workers {
		evs = append(evs, chromeEvent{Name: "thread_name", Ph: "M", Tid: wk, Args: map[string]any{"name": fmt.Sprintf("worker %d", wk)}})
	}
	for _, c := range r.Trace {
		evs = append(evs, chromeEvent{
			Name: fmt.Sprintf("rows %d-%d", c.Lo, c.Hi), Cat: "chunk", Ph: "X",
			Ts: us(c.Start), Dur: us(c.End - c.Start), Tid: c.Worker,
			Args: map[string]any{"lo": c.Lo, "hi": c.Hi, "rows": c.Hi - c.Lo, "queue": c.Queue, "scheme": r.scheme(), "stolen": c.Stolen},
		})
	}
	enc := json.NewEncoder(w)
	return enc.Encode(chromeTrace{TraceEvents: evs, DisplayTimeUnit: "ns"})
}

func us(d time.Duration) float64 { return float64(d) / 1e3 }

// ReadChromeTrace reads the chunks of a Chrome trace-event JSON file (the
// object form with "traceEvents", or a bare array): every complete event
// ("X") whose args carry integer "lo" and "hi" becomes a TraceChunk with
// Elapsed = dur. This reads WriteChromeTrace's output and any trace of the
// real scheduler that uses the same arg names; feed the result to
// FromTrace.
func ReadChromeTrace(rd io.Reader) ([]TraceChunk, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, err
	}
	var obj chromeTrace
	if err := json.Unmarshal(data, &obj); err != nil {
		if err2 := json.Unmarshal(data, &obj.TraceEvents); err2 != nil {
			return nil, fmt.Errorf("%w: not a Chrome trace: %w", ErrCost, err)
		}
	}
	var out []TraceChunk
	for i, e := range obj.TraceEvents {
		if e.Ph != "X" {
			continue
		}
		lo, okLo := intArg(e.Args["lo"])
		hi, okHi := intArg(e.Args["hi"])
		if !okLo || !okHi {
			continue
		}
		if e.Dur < 0 {
			return nil, fmt.Errorf("%w: trace event %d has negative duration %v", ErrCost, i, e.Dur)
		}
		out = append(out, TraceChunk{Lo: lo, Hi: hi, Elapsed: time.Duration(e.Dur*1e3 + 0.5)})
	}
	return out, nil
}

// intArg converts a JSON number holding an integer to int.
func intArg(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) {
		return 0, false
	}
	return int(f), true
}
