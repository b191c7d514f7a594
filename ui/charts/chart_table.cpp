#include "charts/chart_table.h"

namespace hgc::charts {

int ChartTable::column(const QString& key) const {
    for (int c = 0; c < columns.size(); ++c)
        if (columns[c].key == key) return c;
    return -1;
}

} // namespace hgc::charts
