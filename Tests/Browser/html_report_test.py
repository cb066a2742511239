#!/usr/bin/env python3
"""Drives authlint's HTML report in a real headless Chromium (Debian's chromium and
chromium-driver, Python selenium) and checks what a reader would see: the SVG chart renders
with one bar per category, the path filter and the rule select change the visible rows,
clicking a column header reorders rows, a rule link opens its explanation, markup in file
names stays text, and no canary secret is anywhere in the DOM.

Run by HTMLReportBrowserTests; never touches the network (SE_OFFLINE, explicit driver path).
Prints one line per passed check; exits 1 with the failed checks on stderr.
"""
import argparse
import json
import os
import sys
import tempfile

os.environ["SE_OFFLINE"] = "true"  # selenium-manager must never try to download a driver

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

failures = []


def check(condition, what):
    if condition:
        print("ok: " + what)
    else:
        failures.append(what)
        print("FAILED: " + what, file=sys.stderr)


def visible_rows(driver):
    return [row for row in driver.find_elements(By.CSS_SELECTOR, "#findings tbody tr") if row.is_displayed()]


def column(rows, attribute):
    return [row.get_attribute("data-" + attribute) for row in rows]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", required=True, help="the HTML report to open")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--expect", required=True, help="JSON: categories, rows, canaries, markup_path")
    args = parser.parse_args()
    expect = json.loads(args.expect)

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--no-first-run", "--disable-extensions", "--window-size=1400,1000"):
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="authlint-chromium-")
    options.add_argument("--user-data-dir=" + profile)
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    try:
        driver.get("file://" + os.path.abspath(args.report))

        # The chart: an SVG with a real size, one bar per category, each with painted segments.
        chart = driver.find_element(By.ID, "chart")
        box = driver.execute_script("var b = arguments[0].getBoundingClientRect(); return [b.width, b.height];", chart)
        check(box[0] > 0 and box[1] > 0, "the chart renders with a non-zero box (%s)" % box)
        bars = chart.find_elements(By.CSS_SELECTOR, "g.bar")
        categories = sorted(bar.get_attribute("data-category") for bar in bars)
        check(categories == sorted(expect["categories"]),
              "one bar per category: %s == %s" % (categories, sorted(expect["categories"])))
        # The painted length of each bar: its severity segments, not its label.
        widths = [driver.execute_script(
            "return Array.prototype.reduce.call(arguments[0].querySelectorAll('rect'),"
            " function (sum, r) { return sum + r.getBoundingClientRect().width; }, 0);", bar) for bar in bars]
        check(all(w > 0 for w in widths), "every bar has painted segments (%s)" % widths)

        rows = visible_rows(driver)
        check(len(rows) == expect["rows"], "all %d findings shown at first (%d)" % (expect["rows"], len(rows)))

        # The role chart: one painted bar per file role the rows carry.
        role_chart = driver.find_element(By.ID, "role-chart")
        role_bars = sorted(bar.get_attribute("data-role") for bar in role_chart.find_elements(By.CSS_SELECTOR, "g.bar"))
        row_roles = sorted(set(row.get_attribute("data-role") for row in rows))
        check(role_bars == row_roles, "one role bar per role in the table: %s == %s" % (role_bars, row_roles))

        # Typing in the path filter leaves only that file's rows.
        path_box = driver.find_element(By.ID, "filter-path")
        path_box.send_keys(expect["filter_path"])
        filtered = visible_rows(driver)
        check(0 < len(filtered) < len(rows), "path filter narrows the rows (%d of %d)" % (len(filtered), len(rows)))
        check(all(expect["filter_path"] in p for p in column(filtered, "path")), "path filter keeps matching paths")
        check(("%d of %d shown" % (len(filtered), len(rows))) in driver.find_element(By.ID, "shown-count").text,
              "the shown count follows the filter")
        path_box.clear()
        path_box.send_keys(" ")  # clear() fires no input event; a blank filter matches every path
        check(len(visible_rows(driver)) == len(rows), "clearing the path filter shows every row again")

        # Choosing a rule leaves only its rows.
        rule_select = Select(driver.find_element(By.ID, "filter-rule"))
        rule_select.select_by_visible_text(expect["filter_rule"])
        by_rule = visible_rows(driver)
        check(0 < len(by_rule) < len(rows), "rule select narrows the rows (%d of %d)" % (len(by_rule), len(rows)))
        check(set(column(by_rule, "rule")) == {expect["filter_rule"]}, "rule select keeps only that rule")
        rule_select.select_by_index(0)
        check(len(visible_rows(driver)) == len(rows), "'all' shows every row again")

        # Sorting: the Rule header sorts ascending, a second click descending.
        header = driver.find_element(By.CSS_SELECTOR, "th[data-sort=rule] button")
        before = column(visible_rows(driver), "rule")
        header.click()
        ascending = column(visible_rows(driver), "rule")
        check(ascending == sorted(before), "rule header sorts rows ascending: %s" % ascending)
        header.click()
        descending = column(visible_rows(driver), "rule")
        check(descending == sorted(before, reverse=True), "second click sorts descending: %s" % descending)
        check(ascending != before or descending != before, "sorting reorders the rows")

        # Clicking a chart bar filters the table to its category.
        bar = bars[-1]
        category = bar.get_attribute("data-category")
        bar.find_element(By.TAG_NAME, "rect").click()
        by_bar = visible_rows(driver)
        check(0 < len(by_bar) < len(rows) and set(column(by_bar, "category")) == {category},
              "clicking the %s bar shows only its rows (%d of %d)" % (category, len(by_bar), len(rows)))
        category_select = Select(driver.find_element(By.ID, "filter-category"))
        check(category_select.first_selected_option.text == category, "the category select follows the bar")
        category_select.select_by_index(0)

        # A rule link opens that rule's embedded explanation.
        link = driver.find_element(By.CSS_SELECTOR, "a.rule-link")
        target = link.get_attribute("href").split("#", 1)[1]
        link.click()
        details = driver.find_element(By.ID, target)
        check(details.get_attribute("open") is not None, "a rule link opens its explanation (%s)" % target)
        check(len(details.find_element(By.TAG_NAME, "p").text) > 0, "the explanation has text")

        # A file name holding markup is text: no element made of it, its name shown as typed.
        check(len(driver.find_elements(By.TAG_NAME, "img")) == 0, "markup in a file name makes no element")
        body_text = driver.execute_script("return document.body.innerText;")
        check(expect["markup_path"] in body_text, "the markup file name is shown as text")

        # No canary secret in the DOM, as markup or as text (nor the part redaction hides).
        source = driver.page_source
        for canary in expect["canaries"]:
            check(canary not in source and canary not in body_text, "canary %s… not in the DOM" % canary[:4])
            check(canary[4:] not in source and canary[4:] not in body_text, "canary %s… tail not in the DOM" % canary[:4])
    finally:
        driver.quit()
    if failures:
        print("%d browser check(s) failed" % len(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
