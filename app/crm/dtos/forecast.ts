/** Count, value and weighted value of a set of open deals (minor units). */
export interface ForecastFigures {
  count: number
  value: number
  weightedValue: number
}

export interface ForecastMonth extends ForecastFigures {
  /** YYYY-MM of the expected close date. */
  month: string
}

/** Open deals by expected close month; deals without a date are counted apart. */
export interface ForecastDto {
  months: ForecastMonth[]
  noDate: ForecastFigures
  total: ForecastFigures
}
