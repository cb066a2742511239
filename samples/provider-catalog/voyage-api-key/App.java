String voyageApiKey = "pa-6XnEAx0JMwXhb7cS-3pArl_77RhifVqaxBdnzFycSVJ";
