#pragma once
// The colours of the animation, shared by the canvas overlay, the timeline and the charts so
// that a straggler looks the same everywhere (Okabe & Ito, colour-blind safe).
#include <QColor>

namespace hgc::ui::animation_colors {

inline QColor compute() {
    return QColor(0x00, 0x72, 0xB2);
} // computing, results used
inline QColor uplink() {
    return QColor(0x56, 0xB4, 0xE9);
} // travelling to the edge
inline QColor edgeLink() {
    return QColor(0xCC, 0x79, 0xA7);
} // edge to master
inline QColor straggler() {
    return QColor(0xE6, 0x9F, 0x00);
} // not waited for
inline QColor ignored() {
    return QColor(0x9A, 0x9A, 0x9A);
} // left behind, greyed
inline QColor complete() {
    return QColor(0x00, 0x9E, 0x73);
} // an edge or the master decoded
inline QColor failed() {
    return QColor(0xD5, 0x5E, 0x00);
} // no answer this iteration
inline QColor cursor() {
    return QColor(0xC0, 0x1C, 0x28);
}

} // namespace hgc::ui::animation_colors
